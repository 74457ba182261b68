import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { AUTH_PROBLEMS, KEY_PAGES } from '../authProblems';
import type { AuthSubject } from '../authProblems';
import { sendOnce } from './attempt';
import { keyKind } from './credentials';
import type { LoadedCredentials } from './credentials';
import type { Interruption, OpenAiFailure, OpenAiFunctions } from './http';
import { keyFingerprint, redactSecrets } from './redact';
import { MAX_RETRY_AFTER_MS } from './retry';
import { NO_SCOPE, withScope } from './scope';
import type { Scope } from './scope';

/**
 * What the user reads when a request fails: a plain message, the fix, and the facts to recognise their own setup
 * (status, OpenAI's words, request id, organization, key fingerprint), all redacted. HTTP and authentication are
 * read here; what a refusal means for one resource (the Default project, audit logging) its resource says, through
 * explainRefusalsWith.
 */

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

/**
 * A resource's own reading of an OpenAI refusal of one of its requests (e.g. "the Default project cannot be
 * archived"), or undefined when the refusal is not one it knows.
 */
export type RefusalExplainer = (failure: OpenAiFailure, request: { path: string; subject?: string }) => Explanation | undefined;

/** A 400 or 422: OpenAI refused what was asked for, rather than who asked or how often. */
export function isRequestRefusal(failure: OpenAiFailure): boolean {
	return failure.status === 400 || failure.status === 422;
}

const resourceExplainers = new Set<RefusalExplainer>();

/**
 * Resources tell the transport how to read their refusals (nodes/shared/resources/refusals.ts); the transport
 * asks them, in the order given, before its own reading by HTTP status.
 */
export function explainRefusalsWith(...explainers: RefusalExplainer[]): void {
	for (const explainer of explainers) resourceExplainers.add(explainer);
}

function explainByResource(failure: OpenAiFailure, ctx: RequestContext): Explanation | undefined {
	for (const explainRefusal of resourceExplainers) {
		const explanation = explainRefusal(failure, { path: ctx.path, subject: ctx.subject });
		if (explanation) return explanation;
	}
	return undefined;
}

function explainBadRequest(failure: OpenAiFailure): Explanation {
	const param = failure.openAiParam ? ` (parameter "${failure.openAiParam}")` : '';
	return {
		message: `OpenAI rejected the request${param}`,
		fix: `OpenAI explains it below. Correct the value${param} in the node and run it again.`,
	};
}

function seconds(ms: number): string {
	const value = ms / 1000;
	return `${Number.isInteger(value) ? value : value.toFixed(1)} s`;
}

/** The message and fix for an interrupted answer; undefined for anything else. */
export function explainInterruption(
	failure: { interruption?: Interruption; timeoutMs?: number; retries: number },
): { message: string; fix: string } | undefined {
	const retried =
		failure.retries > 0 ? `, after ${failure.retries} retr${failure.retries === 1 ? 'y' : 'ies'}` : '';
	if (failure.interruption === 'stalled') {
		return {
			message: `OpenAI's answer stalled: it was not complete after ${seconds(failure.timeoutMs ?? 0)}${retried}`,
			fix: `OpenAI was reached, but the answer did not arrive in full within the Timeout, which bounds each attempt as a whole. Try again later, or raise "Timeout (Seconds)" under Request Options if answers are long (e.g. large completions).`,
		};
	}
	if (failure.interruption === 'cancelled') {
		return {
			message: 'The request to OpenAI was stopped because the execution was stopped',
			fix: 'Nothing to fix: run the workflow again when you want it to finish.',
		};
	}
	if (failure.interruption === 'cut mid-answer') {
		return {
			message: `The connection was cut while reading the answer from OpenAI${retried}`,
			fix: 'OpenAI (or a proxy between n8n and it) closed the connection in the middle of the answer. Try again later; if it keeps happening, check the proxy or network between n8n and the Base URL.',
		};
	}
	return undefined;
}

/** "1 hour", "2.5 hours", "5 minutes", "90 s": a server's requested wait in words. */
export function waitInWords(ms: number): string {
	const secondsTotal = Math.round(ms / 1000);
	const round = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
	if (secondsTotal >= 3_600) {
		const hours = Math.round((secondsTotal / 3_600) * 10) / 10;
		return `${round(hours)} hour${hours === 1 ? '' : 's'}`;
	}
	if (secondsTotal >= 120) {
		const minutes = Math.round((secondsTotal / 60) * 10) / 10;
		return `${round(minutes)} minutes`;
	}
	return `${secondsTotal} s`;
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
	const byResource = explainByResource(failure, ctx);
	if (byResource) return byResource;
	switch (failure.status) {
		case 400:
		case 422:
			return explainBadRequest(failure);
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
