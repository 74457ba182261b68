/* eslint-disable @n8n/community-nodes/require-node-api-error -- test code: runs in plain Node, never inside n8n; the test server is no n8n node */
import { authenticate, singleHeader, type Caller, type IncomingHeaders } from './auth';
import { multipartBoundary, parseMultipart } from './multipart';
import type { HandlerResult, World } from './context';
import * as E from './errors';
import { requestedTokens, type RateLimits } from './rateLimits';
import { findRoute, isAdminScope } from './routes';

export interface ApiRequest {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: IncomingHeaders;
	rawBody: string;
	repeatCursor: boolean;
}

/** Route, authenticate, check scope and rate limit, parse the body, run the handler; errors become OpenAI bodies. */
export function respond(
	request: ApiRequest,
	world: World,
	limits: RateLimits,
): HandlerResult & { status: number } {
	let modelCaller: Caller | undefined;
	try {
		const found = findRoute(request.method, request.path);
		if (!found) throw E.invalidUrl(request.method, request.path);
		const caller = authenticate(request.headers, world.state, world.grants);
		const adminRoute = isAdminScope(found.route.scope);
		if (adminRoute !== (caller.grant.kind === 'admin')) throw E.missingScope(found.route.scope);
		const body = parseBody(request);
		const requested = requestedTokens(body);
		if (adminRoute) {
			limits.admitAdmin(caller, `${found.route.method} ${found.route.pattern.source}`, world.now());
		} else {
			limits.admitModel(caller, modelOf(body), requested.tokens, world.now());
			modelCaller = caller;
		}
		const result = found.route.handler({
			world,
			caller,
			params: found.params,
			query: request.query,
			body,
			repeatCursor: request.repeatCursor,
		});
		if (!adminRoute && !requested.answerCharged)
			limits.chargeTokens(caller, completionTokensOf(result.body), world.now());
		const headers = { ...result.headers };
		if (!adminRoute) Object.assign(headers, limits.headers(caller, world.now()));
		return { status: result.status ?? 200, body: result.body, headers, raw: result.raw };
	} catch (error) {
		if (!(error instanceof E.OpenAiError)) throw error;
		// Every answer of a model endpoint carries the rate-limit headers, refusals included.
		const headers = modelCaller
			? { ...limits.headers(modelCaller, world.now()), ...error.headers }
			: error.headers;
		return { status: error.status, body: error.toBody(), headers };
	}
}

export function modelOf(body: unknown): string | undefined {
	const model = (body as { model?: unknown } | undefined)?.model;
	return typeof model === 'string' ? model : undefined;
}

function completionTokensOf(body: unknown): number {
	const usage = (body as { usage?: { completion_tokens?: unknown; output_tokens?: unknown } } | undefined)?.usage;
	const tokens = usage?.completion_tokens ?? usage?.output_tokens;
	return typeof tokens === 'number' ? tokens : 0;
}

/** A JSON body, or a multipart/form-data one (file uploads) as its fields, a file part as { filename, content }. */
function parseBody(request: ApiRequest): unknown {
	const contentType = singleHeader(request.headers['content-type']);
	if (!contentType || !/^multipart\/form-data/i.test(contentType)) return parseJsonBody(request.rawBody);
	const boundary = multipartBoundary(contentType);
	if (!boundary) throw new E.OpenAiError(400, 'The multipart/form-data body has no boundary.', 'invalid_request_error');
	const fields: Record<string, unknown> = { __multipart: true };
	for (const part of parseMultipart(request.rawBody, boundary)) {
		fields[part.name] = part.filename === undefined ? part.value : { filename: part.filename, content: part.value };
	}
	return fields;
}

function parseJsonBody(raw: string): unknown {
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		throw E.unparsableJson();
	}
}
