import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { openAiErrorFacts, openAiRequest } from '../transport';
import type { OpenAiRequest, OpenAiResponse } from '../transport';

/** The one field that carries a new key's full value, named so nobody mistakes it for something shown again. */
export const SECRET_FIELD = 'apiKeyShownOnce';

/**
 * A new service-account key as the node puts it out: its full value once, under SECRET_FIELD, and its ID, name and
 * date beside it. Nothing else of the node (errors, retries, logs) ever holds the value.
 */
export function secretShownOnce(apiKey: IDataObject | null | undefined): IDataObject {
	if (!apiKey || typeof apiKey.value !== 'string') return {};
	return {
		[SECRET_FIELD]: apiKey.value,
		apiKeyId: apiKey.id,
		apiKeyName: apiKey.name,
		apiKeyCreatedAt: apiKey.created_at,
		notice: `Store "${SECRET_FIELD}" now: OpenAI shows this key only once.`,
	};
}

/**
 * A create whose answer never came (connection lost, server error) may still have made the account and its key;
 * the node does not send it again (a second live key nobody saw), and says what to look for instead.
 */
export function notePossibleCreate(error: unknown, what: string): unknown {
	const facts = openAiErrorFacts(error);
	if (!(error instanceof NodeApiError) || (facts.status !== undefined && facts.status < 500)) return error;
	error.message = `${error.message}; ${what} may have been created anyway`;
	error.description = `It was not sent again: a second one would hold a live key nobody was shown. Look for it (Get Many); if it is there, its key cannot be shown again, so delete it and create it anew.<br>\n${error.description ?? ''}`;
	return error;
}

/**
 * Sends a create whose answer holds a key shown once (an account with its key, a key, an Admin key): never sent twice
 * once it may have reached OpenAI, as the key of a second one would be live and never shown. Its value cannot be read
 * back, so a lost answer is reported with what to look for (notePossibleCreate), not repeated.
 */
export async function createShownOnce(this: IExecuteFunctions, request: OpenAiRequest, what: string): Promise<OpenAiResponse<unknown>> {
	try {
		return await openAiRequest.call(this, { ...request, notIdempotent: true });
	} catch (error) {
		throw notePossibleCreate(error, what);
	}
}
