import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestLimits } from '../../../shared/execution/requestOptions';
import { listPages, openAiErrorFacts } from '../../../shared/transport';
import { utcIso } from '../../../shared/time/dates';
import { INVITE } from '../../helpers/members';

// OpenAI's refusals of an invite, said for this resource: the transport's words for a 400 ("Correct the value")
// and for "already a member" (a project's) do not fit an invite to the organization.

function openAiWords(error: NodeApiError): string {
	const response = (error as { errorResponse?: IDataObject }).errorResponse;
	return `${String(response?.openAiCode ?? '')} ${String(response?.openAiMessage ?? '')}`;
}

async function pendingInviteFor(
	this: IExecuteFunctions,
	email: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject | undefined> {
	for await (const page of listPages.call(this, { path: INVITE.path, qs: {}, itemIndex, ...limits })) {
		const found = page.find(
			(invite) => String(invite.email ?? '').toLowerCase() === email.toLowerCase() && invite.status === 'pending',
		);
		if (found) return found;
	}
	return undefined;
}

/**
 * Replaces the message and the fix, the description's first paragraph (HTML, as n8n's error panel renders it);
 * the facts below it stay: status, OpenAI's words, request ID, organization, key fingerprint.
 */
function reword(error: NodeApiError, message: string, fix: string): NodeApiError {
	error.message = message;
	const [, ...facts] = String(error.description ?? '').split('<br>\n');
	const html = fix.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	error.description = [html, ...facts].join('<br>\n');
	return error;
}

/**
 * The error to throw for a refused invite: a pending invite for the address is named (its ID, when it was sent and
 * when it expires) with what to do; an address that is already a member is said so. Any other error is returned as
 * it came.
 */
export async function explainInviteRefusal(
	this: IExecuteFunctions,
	error: unknown,
	email: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<unknown> {
	if (!(error instanceof NodeApiError) || openAiErrorFacts(error).status !== 400) return error;
	const words = openAiWords(error);
	if (/invite_exists|pending invite/i.test(words)) {
		const pending = await pendingInviteFor.call(this, email, itemIndex, limits).catch(() => undefined);
		const which = pending
			? `${String(pending.id)}, sent ${utcIso(Number(pending.created_at))}, expires ${utcIso(Number(pending.expires_at))}`
			: 'see Invite > Get Many';
		return reword(
			error,
			`${email} already has a pending invite (${which})`,
			`OpenAI keeps one pending invite per address. Leave it (they can still accept it), or withdraw it with Invite > Delete (${pending ? String(pending.id) : 'pick it from the list'}) and run this again to send a new one.`,
		);
	}
	if (/user_already_member|already a member/i.test(words)) {
		return reword(
			error,
			`${email} is already a member of the organization`,
			'Nothing to invite. To change their role use User > Change Role; to add them to a project use OpenAI Projects > Project User > Add.',
		);
	}
	return error;
}
