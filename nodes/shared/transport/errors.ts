import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { AUTH_PROBLEMS, KEY_PAGES } from '../authProblems';
import type { AuthSubject } from '../authProblems';
import { keyFingerprint, keyKind } from './credentials';
import { explainInterruption, waitInWords } from './interruptions';
import type { Interruption } from './interruptions';
import { redactSecrets } from './redact';
import { MAX_RETRY_AFTER_MS } from './retry';
import type { Scope } from './scope';

/** What went wrong on the wire, as much as is known. */
export interface OpenAiFailure {
	status?: number;
	connectionCode?: string;
	openAiMessage?: string;
	openAiCode?: string | null;
	openAiType?: string;
	openAiParam?: string | null;
	requestId?: string;
	malformedBody?: boolean;
	/** OpenAI was reached, but its answer stalled past the Timeout or was cut off. */
	interruption?: Interruption;
	timeoutMs?: number;
	/** A Retry-After longer than the node waits between retries. */
	requestedWaitMs?: number;
	retries: number;
}

/** Who asked, and for what: everything the user needs to recognise their own setup in the error. */
export interface RequestContext extends Scope {
	method: string;
	path: string;
	baseUrl: string;
	apiKey: string;
	/** e.g. "project proj_abc": what a 404 could not find. */
	subject?: string;
	/** Filled when a mismatch was checked by repeating a read with the same key and no organization. */
	keyWithoutOrganization?: 'works' | 'fails';
}

export interface Explanation {
	message: string;
	fix: string;
}

const PLATFORM_PAGES = {
	projectCredentials: KEY_PAGES.project,
	billing: 'platform.openai.com/settings/organization/billing',
};

function isAdminPath(path: string): boolean {
	return path.startsWith('/organization/');
}

function explainUnauthorized(failure: OpenAiFailure, ctx: RequestContext): Explanation {
	const code = failure.openAiCode ?? '';
	const text = failure.openAiMessage ?? '';
	// The same words as the credentials' Test button, with what only a run knows: the values and where they were set.
	const subject: AuthSubject = {
		organizationId: ctx.organizationId || undefined,
		organizationField: ctx.organizationSource === 'node' ? 'the node\'s "Organization ID" field' : undefined,
		projectId: ctx.projectId || undefined,
	};

	if (code === 'invalid_api_key' || /incorrect api key/i.test(text)) {
		const { message, fix } = AUTH_PROBLEMS.unknownKey();
		const page = keyKind(ctx.apiKey) === 'admin' ? KEY_PAGES.admin : KEY_PAGES.project;
		return { message, fix: `${fix} Keys are at ${page}.` };
	}
	if (code === 'mismatched_organization' || /does not belong to the specified organization/i.test(text)) {
		if (ctx.keyWithoutOrganization === 'fails') {
			return {
				message: 'OpenAI does not accept this API key',
				fix: `The key is refused even without an organization, so the key itself is wrong or revoked. Create a new key at ${PLATFORM_PAGES.projectCredentials} and paste it into the credential.`,
			};
		}
		const { message, fix } = AUTH_PROBLEMS.mismatchedOrganization(subject);
		const proof =
			ctx.keyWithoutOrganization === 'works'
				? ' (checked: the same key works when no organization is sent)'
				: '';
		return { message: `${message}${proof}`, fix };
	}
	if (code === 'invalid_organization' || /no such organization/i.test(text)) {
		return AUTH_PROBLEMS.unknownOrganization(subject);
	}
	if (code === 'no_organization') return AUTH_PROBLEMS.noOrganization();
	if (code === 'mismatched_project') return AUTH_PROBLEMS.mismatchedProject(subject);
	if (code === 'invalid_project') return AUTH_PROBLEMS.unknownProject(subject);
	if (/missing scopes?:\s*api\.(management|usage)/i.test(text) || (isAdminPath(ctx.path) && keyKind(ctx.apiKey) !== 'admin')) {
		return AUTH_PROBLEMS.adminKeyNeeded();
	}
	if (!isAdminPath(ctx.path) && keyKind(ctx.apiKey) === 'admin') {
		return AUTH_PROBLEMS.chatKeyNeeded();
	}
	return {
		message: 'OpenAI refused the API key for this request',
		fix: 'Check that the key is active and allowed to do this (restricted keys need the right permissions).',
	};
}

/** Said when OpenAI refuses a change to the Default project, and when a node refuses it before asking. */
export const DEFAULT_PROJECT_REFUSAL: Explanation = {
	message: 'The Default project cannot be renamed or archived',
	fix: "Every organization keeps its Default project. Pick another project, e.g. filter the Default project out with 'Name Contains' or an IF node.",
};

/**
 * Said when OpenAI refuses the audit log because audit logging was never turned on for the organization. OpenAI's
 * exact words for it are not on record, so any refusal of /organization/audit_logs that speaks of audit logging
 * being off (not enabled, disabled, to be activated) is read as this.
 */
export const AUDIT_LOGGING_OFF: Explanation = {
	message: 'Audit logging is not enabled for this organization, so OpenAI keeps no audit log to read',
	fix: 'An Organization Owner turns it on at platform.openai.com/settings/organization/data-controls/data-retention ("Audit logging", Enable, Save). Only events after that are logged, and once on it cannot be turned off again.',
};

function isAuditLoggingOff(failure: OpenAiFailure, ctx: RequestContext): boolean {
	if (!ctx.path.startsWith('/organization/audit_logs') || failure.status === undefined) return false;
	if (failure.status < 400 || failure.status >= 500 || failure.status === 401 || failure.status === 429) return false;
	const text = `${failure.openAiCode ?? ''} ${failure.openAiMessage ?? ''}`;
	return /audit[ _-]?log/i.test(text) && /not (enabled|activated|turned on)|disabled|(enable|activate)/i.test(text);
}

function explainBadRequest(failure: OpenAiFailure, ctx: RequestContext): Explanation {
	const text = failure.openAiMessage ?? '';
	if (failure.openAiCode === 'project_archived' || /is archived/i.test(text)) {
		return {
			message: `${capitalise(ctx.subject ?? 'the project')} is archived, and archived projects cannot be changed`,
			fix: 'Archiving cannot be undone. Create a new project if you need an active one.',
		};
	}
	if (/default project/i.test(text)) return DEFAULT_PROJECT_REFUSAL;
	const member = explainMemberRefusal(failure);
	if (member) return member;
	const param = failure.openAiParam ? ` (parameter "${failure.openAiParam}")` : '';
	return {
		message: `OpenAI rejected the request${param}`,
		fix: `OpenAI explains it below. Correct the value${param} in the node and run it again.`,
	};
}

/** Refusals about a project's users and keys (OpenAI's codes are not documented, so their words count too). */
function explainMemberRefusal(failure: OpenAiFailure): Explanation | undefined {
	const text = failure.openAiMessage ?? '';
	if (failure.openAiCode === 'last_owner' || /last owner/i.test(text)) {
		return {
			message: 'A project keeps at least one owner, and this is its last one',
			fix: 'Make another user an owner first (Project User → Change Role), then remove or demote this one.',
		};
	}
	if (failure.openAiCode === 'user_already_member' || /already a member/i.test(text)) {
		return {
			message: 'The user is already in the project',
			fix: 'Use "Change Role" to give them another role, or leave them as they are.',
		};
	}
	if (failure.openAiCode === 'service_account_key' || /belongs? to a service account/i.test(text)) {
		return {
			message: "A service account's API key can only be deleted with its service account",
			fix: 'Delete the service account (Resource "Service Account", Operation "Delete"), or filter the key list to keys owned by users.',
		};
	}
	return undefined;
}

function explain(failure: OpenAiFailure, ctx: RequestContext): Explanation {
	const retried = failure.retries > 0 ? ` after ${failure.retries} retr${failure.retries === 1 ? 'y' : 'ies'}` : '';
	if (failure.status === undefined) {
		const interrupted = explainInterruption(failure);
		if (interrupted) return interrupted;
		return {
			message: `Could not reach OpenAI at ${ctx.baseUrl}${retried}`,
			fix: `The connection failed (${failure.connectionCode ?? 'no answer'}). Check the Base URL in the credential, the network and any proxy, then try again.`,
		};
	}
	if (failure.malformedBody) {
		return {
			message: 'OpenAI answered with something that is not valid JSON',
			fix: `Check that the credential's Base URL (${ctx.baseUrl}) points at the OpenAI API (it ends in /v1), not at a web page or a proxy's error page. If it does, try again later.`,
		};
	}
	if (isAuditLoggingOff(failure, ctx)) return AUDIT_LOGGING_OFF;
	switch (failure.status) {
		case 400:
		case 422:
			return explainBadRequest(failure, ctx);
		case 401:
			return explainUnauthorized(failure, ctx);
		case 403:
			return {
				message: 'OpenAI refused access to this resource',
				fix: 'The key lacks permission for it (restricted key, project not allowed, or region). Check the key\'s permissions or use another key.',
			};
		case 404:
			return {
				message: `${capitalise(ctx.subject ?? 'what was asked for')} was not found in this organization`,
				fix: 'Check the ID (pick it from the list instead of typing it) and that the credential is for the organization that owns it.',
			};
		case 429:
			if (failure.openAiCode === 'insufficient_quota' || failure.openAiType === 'insufficient_quota') {
				return {
					message: `The organization ${ctx.organizationId || 'of this key'} has run out of OpenAI credit`,
					fix: `Retrying will not help. Add credit or raise the budget at ${PLATFORM_PAGES.billing}, or run under another organization or project that has credit.`,
				};
			}
			return {
				message: `OpenAI's rate limit was reached${retried}`,
				fix:
					failure.requestedWaitMs === undefined
						? 'Process fewer items at once (the node\'s "Items at Once" option), raise "Max Retries", or add a Wait node between batches. Higher usage tiers get higher limits.'
						: `OpenAI asked to wait ${waitInWords(failure.requestedWaitMs)} before trying again, longer than this node waits (at most ${MAX_RETRY_AFTER_MS / 1000} s), so it did not retry sooner: run it again after that, or put a Wait node before it. Higher usage tiers get higher limits.`,
			};
		default:
			if ((failure.status ?? 0) >= 500) {
				return {
					message: `OpenAI had a server error (HTTP ${failure.status})${retried}`,
					fix: 'This is on OpenAI\'s side. Try again later (status.openai.com shows incidents) or raise "Max Retries".',
				};
			}
			return {
				message: `OpenAI answered with HTTP ${failure.status}`,
				fix: 'OpenAI explains it below.',
			};
	}
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function organizationLine(ctx: RequestContext): string {
	if (!ctx.organizationId) return 'none sent (the key\'s default organization)';
	return `${ctx.organizationId} (from ${ctx.organizationSource === 'node' ? 'the node' : 'the credential'})`;
}

export function describeOpenAiError(failure: OpenAiFailure, ctx: RequestContext): Explanation & { details: string[] } {
	const { message, fix } = explain(failure, ctx);
	const details = [
		failure.status === undefined ? `Connection: ${failure.connectionCode ?? 'failed'}` : `HTTP status: ${failure.status}`,
	];
	if (failure.openAiMessage) {
		const code = failure.openAiCode ? ` (code: ${failure.openAiCode})` : '';
		details.push(`OpenAI says: ${failure.openAiMessage}${code}`);
	}
	if (failure.requestId) details.push(`Request ID: ${failure.requestId}`);
	details.push(`Request: ${ctx.method} ${ctx.path}`);
	details.push(`Organization: ${organizationLine(ctx)}`);
	if (ctx.projectId) details.push(`Project: ${ctx.projectId}`);
	details.push(`API key: ${keyFingerprint(ctx.apiKey)} (${keyKind(ctx.apiKey)} key)`);
	return {
		message: redactSecrets(message, ctx),
		fix: redactSecrets(fix, ctx),
		details: details.map((line) => redactSecrets(line, ctx)),
	};
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * n8n's error panel renders a description as (sanitized) HTML, so plain line breaks collapse into one paragraph.
 * Each fact gets its own line with <br> (one of the tags the panel keeps), the fix a paragraph of its own; the
 * newline after each <br> keeps the text readable where it is shown as plain text (logs, JSON, the CLI).
 */
function layoutDescription(fix: string, details: string[]): string {
	return [escapeHtml(fix), '', ...details.map(escapeHtml)].join('<br>\n');
}

export function buildOpenAiApiError(
	node: INode,
	failure: OpenAiFailure,
	ctx: RequestContext,
	itemIndex?: number,
): NodeApiError {
	const { message, fix, details } = describeOpenAiError(failure, ctx);
	// Only redacted, user-facing fields go in: the raw HTTP error carries the Authorization header.
	const response: JsonObject = {
		message,
		// Not `status`/`code`: n8n would read those as an HTTP code and swap in its generic message.
		httpStatus: failure.status ?? null,
		openAiCode: failure.openAiCode ?? failure.connectionCode ?? null,
		openAiMessage: failure.openAiMessage ? redactSecrets(failure.openAiMessage, ctx) : null,
		requestId: failure.requestId ?? null,
		organization: ctx.organizationId || null,
		apiKey: keyFingerprint(ctx.apiKey),
	};
	return new NodeApiError(node, response, {
		message,
		description: layoutDescription(fix, details),
		httpCode: failure.status === undefined ? undefined : String(failure.status),
		itemIndex,
	});
}

/** Reads the status and OpenAI error code back from an error this transport threw. */
export function openAiErrorFacts(error: unknown): { status?: number; errorCode?: string } {
	const response = (error as { errorResponse?: JsonObject } | undefined)?.errorResponse;
	if (!(error instanceof NodeApiError) || !response) return {};
	return {
		status: typeof response.httpStatus === 'number' ? response.httpStatus : undefined,
		errorCode: typeof response.openAiCode === 'string' ? response.openAiCode : undefined,
	};
}
