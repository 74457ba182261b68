import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { keyFingerprint, keyKind } from './credentials';
import { redactSecrets } from './redact';

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
	retries: number;
}

/** Who asked, and for what: everything the user needs to recognise their own setup in the error. */
export interface RequestContext {
	method: string;
	path: string;
	baseUrl: string;
	apiKey: string;
	organizationId: string;
	organizationSource: 'credential' | 'node' | 'none';
	projectId: string;
	/** e.g. "project proj_abc": what a 404 could not find. */
	subject?: string;
	/** Filled when a mismatch was checked by repeating the call without the organization. */
	mismatchProof?: 'works without organization' | 'fails without organization';
}

interface Explanation {
	message: string;
	fix: string;
}

const PLATFORM_PAGES = {
	projectCredentials: 'platform.openai.com/api-keys',
	adminCredentials: 'platform.openai.com/settings/organization/admin-keys',
	billing: 'platform.openai.com/settings/organization/billing',
};

function isAdminPath(path: string): boolean {
	return path.startsWith('/organization/');
}

function explainUnauthorized(failure: OpenAiFailure, ctx: RequestContext): Explanation {
	const code = failure.openAiCode ?? '';
	const text = failure.openAiMessage ?? '';
	const org = ctx.organizationId;
	const whereOrgIsSet =
		ctx.organizationSource === 'node' ? 'the node\'s "Organization ID" field' : 'the credential\'s "Organization ID"';

	if (code === 'invalid_api_key' || /incorrect api key/i.test(text)) {
		return {
			message: 'OpenAI does not recognise this API key',
			fix: `Copy the key again from ${keyKind(ctx.apiKey) === 'admin' ? PLATFORM_PAGES.adminCredentials : PLATFORM_PAGES.projectCredentials} into the credential: it may be incomplete, revoked or from another account.`,
		};
	}
	if (code === 'mismatched_organization' || /does not belong to the specified organization/i.test(text)) {
		if (ctx.mismatchProof === 'fails without organization') {
			return {
				message: 'OpenAI does not accept this API key',
				fix: `The key is refused even without an organization, so the key itself is wrong or revoked. Create a new key at ${PLATFORM_PAGES.projectCredentials} and paste it into the credential.`,
			};
		}
		const proof =
			ctx.mismatchProof === 'works without organization'
				? ' (checked: the same key works when no organization is sent)'
				: '';
		return {
			message: `The API key is valid but does not belong to organization ${org || '(the one sent)'}${proof}`,
			fix: `Remove the Organization ID from ${whereOrgIsSet}, or use an API key from organization ${org}. A key belongs to the organization (and project) it was created in.`,
		};
	}
	if (code === 'invalid_organization' || /no such organization/i.test(text)) {
		return {
			message: `Organization ${org || '(the one sent)'} does not exist or this key cannot see it`,
			fix: `Check the Organization ID in ${whereOrgIsSet} (platform.openai.com/settings/organization/general shows it), or leave it empty to use the key's own organization.`,
		};
	}
	if (code === 'no_organization') {
		return {
			message: 'The owner of this API key is not a member of any OpenAI organization',
			fix: 'Join or create an organization at platform.openai.com, then create a new key there.',
		};
	}
	if (/missing scopes?:\s*api\.(management|usage)/i.test(text) || (isAdminPath(ctx.path) && keyKind(ctx.apiKey) !== 'admin')) {
		return {
			message: 'This operation needs an OpenAI Admin API key',
			fix: `Projects, costs and usage can only be managed with an Admin key (it starts with sk-admin-). Create one at ${PLATFORM_PAGES.adminCredentials} (organization owners only) and use it in the credential for this node. Project and user keys cannot do this.`,
		};
	}
	if (!isAdminPath(ctx.path) && keyKind(ctx.apiKey) === 'admin') {
		return {
			message: 'Chat and models need a project or user API key, not an Admin key',
			fix: `Admin keys (sk-admin-…) only manage the organization. Create a project key at ${PLATFORM_PAGES.projectCredentials} and use it in the credential for this node.`,
		};
	}
	return {
		message: 'OpenAI refused the API key for this request',
		fix: 'Check that the key is active and allowed to do this (restricted keys need the right permissions).',
	};
}

function explainBadRequest(failure: OpenAiFailure, ctx: RequestContext): Explanation {
	const text = failure.openAiMessage ?? '';
	if (failure.openAiCode === 'project_archived' || /is archived/i.test(text)) {
		return {
			message: `${capitalise(ctx.subject ?? 'the project')} is archived, and archived projects cannot be changed`,
			fix: 'Archiving cannot be undone. Create a new project if you need an active one.',
		};
	}
	if (/default project/i.test(text)) {
		return {
			message: 'The Default project cannot be renamed or archived',
			fix: "Every organization keeps its Default project. Pick another project, e.g. filter the Default project out with 'Name Contains' or an IF node.",
		};
	}
	const param = failure.openAiParam ? ` (parameter "${failure.openAiParam}")` : '';
	return {
		message: `OpenAI rejected the request${param}`,
		fix: `OpenAI explains it below. Correct the value${param} in the node and run it again.`,
	};
}

function explain(failure: OpenAiFailure, ctx: RequestContext): Explanation {
	const retried = failure.retries > 0 ? ` after ${failure.retries} retr${failure.retries === 1 ? 'y' : 'ies'}` : '';
	if (failure.status === undefined) {
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
				fix: 'Process fewer items at once (the node\'s "Items at Once" option), raise "Max Retries", or add a Wait node between batches. Higher usage tiers get higher limits.',
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
		message: redactSecrets(message, ctx.apiKey),
		fix: redactSecrets(fix, ctx.apiKey),
		details: details.map((line) => redactSecrets(line, ctx.apiKey)),
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
export function layoutDescription(fix: string, details: string[]): string {
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
		openAiMessage: failure.openAiMessage ? redactSecrets(failure.openAiMessage, ctx.apiKey) : null,
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
