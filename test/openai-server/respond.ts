/* eslint-disable @n8n/community-nodes/require-node-api-error -- test code: runs in plain Node, never inside n8n; the test server is no n8n node */
import { authenticate, type IncomingHeaders } from './auth';
import type { HandlerResult, World } from './context';
import * as E from './errors';
import type { PerKeyWindow } from './rateLimiter';
import { findRoute, isAdminScope } from './routes';

export interface ApiRequest {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: IncomingHeaders;
	rawBody: string;
	repeatCursor: boolean;
}

export interface Limits {
	adminRateLimitPerMinute?: number;
	adminWindow: PerKeyWindow;
	modelWindow: PerKeyWindow;
}

const MODEL_REQUESTS_PER_MINUTE = 5_000;
const MODEL_TOKENS_PER_MINUTE = 800_000;

/** Route, authenticate, check scope and rate limit, parse the body, run the handler; errors become OpenAI bodies. */
export function respond(
	request: ApiRequest,
	world: World,
	limits: Limits,
): HandlerResult & { status: number } {
	try {
		const found = findRoute(request.method, request.path);
		if (!found) throw E.invalidUrl(request.method, request.path);
		const caller = authenticate(request.headers, world.state, world.grants);
		const adminRoute = isAdminScope(found.route.scope);
		if (adminRoute !== (caller.grant.kind === 'admin')) throw E.missingScope(found.route.scope);
		if (adminRoute)
			enforceAdminRateLimit(caller.keyFingerprint, caller.organizationId, world, limits);
		const body = parseJsonBody(request.rawBody);
		const result = found.route.handler({
			world,
			caller,
			params: found.params,
			query: request.query,
			body,
			repeatCursor: request.repeatCursor,
		});
		const headers = { ...result.headers };
		if (!adminRoute)
			Object.assign(headers, modelRateLimitHeaders(caller.keyFingerprint, world, limits));
		return { status: result.status ?? 200, body: result.body, headers };
	} catch (error) {
		if (error instanceof E.OpenAiError)
			return { status: error.status, body: error.toBody(), headers: error.headers };
		throw error;
	}
}

/** Like the measured Admin API: a plain 429, with neither Retry-After nor x-ratelimit headers. */
function enforceAdminRateLimit(
	keyFingerprint: string,
	organizationId: string,
	world: World,
	limits: Limits,
): void {
	const limit = limits.adminRateLimitPerMinute;
	if (!limit) return;
	const now = world.now();
	if (limits.adminWindow.recent(keyFingerprint, now).length >= limit) {
		const waitSeconds = Math.ceil(limits.adminWindow.msUntilSlotFrees(keyFingerprint, now) / 1000);
		throw E.rateLimitReached(organizationId, limit, waitSeconds);
	}
	limits.adminWindow.record(keyFingerprint, now);
}

function modelRateLimitHeaders(
	keyFingerprint: string,
	world: World,
	limits: Limits,
): Record<string, string> {
	const now = world.now();
	limits.modelWindow.record(keyFingerprint, now);
	const used = limits.modelWindow.recent(keyFingerprint, now).length;
	const tokensUsed = world.state.chatCompletions
		.filter(
			(completion) =>
				completion.keyFingerprint === keyFingerprint && completion.created * 1000 > now - 60_000,
		)
		.reduce((sum, completion) => sum + completion.promptTokens + completion.completionTokens, 0);
	return {
		'x-ratelimit-limit-requests': String(MODEL_REQUESTS_PER_MINUTE),
		'x-ratelimit-remaining-requests': String(Math.max(0, MODEL_REQUESTS_PER_MINUTE - used)),
		'x-ratelimit-reset-requests': `${Math.ceil(60_000 / MODEL_REQUESTS_PER_MINUTE)}ms`,
		'x-ratelimit-limit-tokens': String(MODEL_TOKENS_PER_MINUTE),
		'x-ratelimit-remaining-tokens': String(Math.max(0, MODEL_TOKENS_PER_MINUTE - tokensUsed)),
		'x-ratelimit-reset-tokens': `${Math.max(1, Math.ceil((tokensUsed * 60_000) / MODEL_TOKENS_PER_MINUTE))}ms`,
	};
}

function parseJsonBody(raw: string): unknown {
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		throw E.unparsableJson();
	}
}
