/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, bearerKey, singleHeader } from './auth';
import type { World } from './context';
import { handleControl } from './control';
import { faultError, isErrorFault } from './faultResponses';
import { FaultRules, pickDelay } from './faults';
import { fingerprint } from './fixtures';
import { NOT_FOUND_PAGE, WEB_PAGE_PREFIX, delay, parseBodyForRecord, parseQuery, readBody, sendHtml, sendJson } from './http';
import { createRandom } from './random';
import { PerKeyWindow } from './rateLimiter';
import { redactKeys } from './redact';
import { respond, type Limits } from './respond';
import { seedWorld } from './seed';
import type { OpenAiTestServer, RecordedRequest, TestServerOptions } from './types';

const RUNTIME_STREAM = 0x9e3779b9;

export async function startOpenAiTestServer(
	options: TestServerOptions = {},
): Promise<OpenAiTestServer> {
	const seed = options.seed ?? 42;
	const now = options.now ?? Date.now;
	const seedNow = () =>
		seedWorld({ projects: options.projects ?? 0, seed, nowSeconds: Math.floor(now() / 1000) });

	const seeded = seedNow();
	const world: World = {
		state: seeded.state,
		grants: seeded.grants,
		random: createRandom(seed ^ RUNTIME_STREAM),
		seed,
		costsDays: options.costsDays ?? 30,
		now,
	};
	const requests: RecordedRequest[] = [];
	const faults = new FaultRules();
	const limits: Limits = {
		adminRateLimitPerMinute: options.adminRateLimitPerMinute,
		adminWindow: new PerKeyWindow(),
		modelWindow: new PerKeyWindow(),
	};

	const clearRequests = () => {
		requests.length = 0;
	};
	const reset = () => {
		// Mutate in place: tests keep references to server.state and server.requests.
		Object.assign(world.state, seedNow().state);
		world.random = createRandom(seed ^ RUNTIME_STREAM);
		faults.clear();
		clearRequests();
		limits.adminWindow.clear();
		limits.modelWindow.clear();
	};

	const serveApi = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
		const rawBody = await readBody(request);
		const method = request.method ?? 'GET';
		const key = bearerKey(request.headers);
		const record: RecordedRequest = {
			method,
			path: url.pathname,
			query: redactKeys(parseQuery(url.searchParams)),
			headers: redactKeys(recordHeaders(request)),
			...(key ? { keyFingerprint: fingerprint(key) } : {}),
			body: redactKeys(parseBodyForRecord(rawBody)),
		};
		requests.push(record);

		if (url.pathname.startsWith(WEB_PAGE_PREFIX)) {
			record.status = 404;
			return sendHtml(response, 404, NOT_FOUND_PAGE);
		}

		const matched = faults.match({
			method,
			path: url.pathname,
			keyFingerprint: record.keyFingerprint,
		});
		const optionLatency =
			options.latencyMs === undefined ? 0 : pickDelay(options.latencyMs, Math.random);
		await delay(optionLatency + matched.latencyMs);
		const fault = matched.fault;
		if (fault) record.fault = fault.kind;

		if (fault?.kind === 'reset_before') return request.socket.destroy();
		if (fault && isErrorFault(fault)) {
			const error = faultError(fault, organizationForMessage(request, world), modelOf(record.body));
			record.status = error.status;
			return sendJson(response, error.status, JSON.stringify(error.toBody()), error.headers);
		}

		const result = respond(
			{
				method,
				path: url.pathname,
				query: parseQuery(url.searchParams),
				headers: request.headers,
				rawBody,
				repeatCursor: fault?.kind === 'repeat_cursor',
			},
			world,
			limits,
		);
		if (fault?.kind === 'reset_after') return request.socket.destroy();
		const text = JSON.stringify(result.body);
		if (fault?.kind === 'malformed_json') {
			record.status = 200;
			return sendJson(
				response,
				200,
				text.slice(0, Math.max(1, Math.floor(text.length / 2))),
				result.headers,
			);
		}
		record.status = result.status;
		sendJson(response, result.status, text, result.headers);
	};

	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const work = url.pathname.startsWith('/__control/')
			? handleControl(request, response, url.pathname, {
					requests,
					faults,
					state: world.state,
					clearRequests,
					reset,
				})
			: serveApi(request, response, url);
		work.catch((error: Error) => {
			if (!response.headersSent) {
				sendJson(
					response,
					500,
					JSON.stringify({
						error: { message: error.message, type: 'server_error', param: null, code: null },
					}),
				);
			}
		});
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const address = server.address() as AddressInfo;
	const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

	return {
		url: `http://${host}:${address.port}/v1`,
		port: address.port,
		get state() {
			return world.state;
		},
		requests,
		faults,
		clearRequests,
		reset,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}

function recordHeaders(request: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers)) {
		const text = singleHeader(value);
		if (text !== undefined) headers[name] = text;
	}
	const key = bearerKey(request.headers);
	if (key) headers.authorization = `Bearer ${fingerprint(key)}`;
	return headers;
}

/** Fault texts name an organization; use the caller's when it authenticates, else what the header claimed. */
function organizationForMessage(request: IncomingMessage, world: World): string {
	try {
		return authenticate(request.headers, world.state, world.grants).organizationId;
	} catch {
		return singleHeader(request.headers['openai-organization']) || 'org-unknown';
	}
}

function modelOf(body: unknown): string | undefined {
	const model = (body as { model?: unknown } | undefined)?.model;
	return typeof model === 'string' ? model : undefined;
}
