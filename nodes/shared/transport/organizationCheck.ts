import { sendOnce } from './attempt';
import { keyKind } from './credentials';
import type { OpenAiFailure, RequestContext } from './errors';
import type { OpenAiFunctions } from './functions';
import type { LoadedCredentials } from './loadCredentials';
import { NO_SCOPE, withScope } from './scope';

/** A 401 that names the organization: OpenAI's words for an organization the key does not belong to. */
export function blamesOrganization(failure: OpenAiFailure): boolean {
	if (failure.status !== 401) return false;
	if (failure.openAiCode === 'mismatched_organization' || failure.openAiCode === 'invalid_organization') return true;
	return /does not belong to the specified organization|no such organization/i.test(failure.openAiMessage ?? '');
}

/**
 * Repeats a cheap read with the same key and no organization: if the key works then, the key is fine and the
 * organization is the problem. This turns OpenAI's terse 401 into an answer the user can act on.
 */
export async function checkKeyWithoutOrganization(
	this: OpenAiFunctions,
	credentials: LoadedCredentials,
	timeout: number,
): Promise<RequestContext['keyWithoutOrganization']> {
	const { apiKey, baseUrl } = credentials.values;
	const probePath = keyKind(apiKey) === 'admin' ? '/organization/projects' : '/models';
	const attempt = await sendOnce.call(
		this,
		withScope(credentials.decrypted, NO_SCOPE),
		{
			method: 'GET',
			url: `${baseUrl}${probePath}`,
			qs: probePath === '/models' ? undefined : { limit: 1 },
			timeout,
		},
		0,
	);
	if (!('response' in attempt)) return undefined;
	const { statusCode } = attempt.response;
	if (statusCode >= 200 && statusCode < 300) return 'works';
	return statusCode === 401 ? 'fails' : undefined;
}
