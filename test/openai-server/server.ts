/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code: runs in plain Node, never inside n8n */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordContractRequest } from '../contract/coverage';
import { authenticate, bearerKey, singleHeader } from './auth';
import type { World } from './context';
import { handleControl } from './control';
import { faultError, isErrorFault } from './faultResponses';
import { FaultRules, pickDelay } from './faults';
import { fingerprint } from './fixtures';
import { NOT_FOUND_PAGE, WEB_PAGE_PREFIX, delay, parseBodyForRecord, parseQuery, readBody, requestId, sendHtml, sendJson } from './http';
import { createRandom } from './random';
import { RateLimits } from './rateLimits';
import { redactKeys } from './redact';
import { modelOf, respond } from './respond';
import { seedWorld } from './seed';
import type { FaultRule, OpenAiTestServer, RateLimitSettings, RecordedRequest, TestServerOptions } from './types';

const RUNTIME_STREAM = 0x9e3779b9;

export async function startOpenAiTestServer(
	options: TestServerOptions = {},
): Promise<OpenAiTestServer> {
	const seed = options.seed ?? 42;
	const now = options.now ?? Date.now;
	// The world is seeded against the clock once, at start: reset() restores that same world (the same created_at
	// and activity days), so two runs of one workload minutes apart see identical projects.
	const seededAtSeconds = Math.floor(now() / 1000);
	const seedWorldAgain = () =>
		seedWorld({ projects: options.projects ?? 0, seed, nowSeconds: seededAtSeconds, serviceAccount: options.serviceAccount });

	const seeded = seedWorldAgain();
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
	let emptyPages = 0;
	const limits = new RateLimits(initialRateLimits(options));

	const clearRequests = () => {
		requests.length = 0;
	};
	const reset = () => {
		// Mutate in place: tests keep references to server.state and server.requests.
		const again = seedWorldAgain();
		Object.assign(world.state, again.state);
		// Keys minted since (service-account keys) end; deleted ones come back with their seeded keys.
		world.grants.clear();
		for (const [key, grant] of again.grants) world.grants.set(key, grant);
		world.random = createRandom(seed ^ RUNTIME_STREAM);
		faults.clear();
		clearRequests();
		limits.clear();
	};

	const serveApi = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
		const rawBody = await readBody(request);
		const method = request.method ?? 'GET';
		const key = bearerKey(request.headers);
		const record: RecordedRequest = {
			receivedAtMs: Date.now(),
			method,
			path: url.pathname,
			query: redactKeys(parseQuery(url.searchParams)),
			headers: redactKeys(recordHeaders(request)),
			...(key ? { keyFingerprint: fingerprint(key) } : {}),
			body: redactKeys(parseBodyForRecord(rawBody)),
		};
		requests.push(record);
		// For the suite's contract coverage: what the server's own handlers answered (never an injected fault).
		response.once('finish', () => {
			if (!record.fault) recordContractRequest(method, url.pathname, response.statusCode);
		});

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
		if (fault?.kind === 'echo_auth') {
			record.status = 401;
			return sendJson(response, 401, JSON.stringify(echoAuthBody(request)));
		}
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
				// An empty page's fresh cursor is unknown to the list: like the cursor bug, the list then ignores `after`.
				repeatCursor: fault?.kind === 'repeat_cursor' || fault?.kind === 'empty_pages',
			},
			world,
			limits,
		);
		if (fault?.kind === 'reset_after') return request.socket.destroy();
		const text = result.raw ?? JSON.stringify(result.body);
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
		if (fault?.kind === 'empty_pages' && result.status === 200) {
			emptyPages++;
			const last = fault.nullCursor ? null : `proj_empty${emptyPages}`;
			const body = { object: 'list', data: [], first_id: last, last_id: last, has_more: true };
			return sendJson(response, 200, JSON.stringify(body), result.headers);
		}
		if (fault?.kind === 'trickle' || fault?.kind === 'stall' || fault?.kind === 'reset_mid_body') {
			return misbehave(fault, response, result.status, text, result.headers);
		}
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
					limits,
					now: world.now,
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
		setRateLimits: (settings) => limits.configure(settings),
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}

/** `rateLimits` wins; the older `adminRateLimitPerMinute` still sets the Admin API's limit alone. */
function initialRateLimits(options: TestServerOptions): RateLimitSettings {
	const admin =
		options.rateLimits?.admin ??
		(options.adminRateLimitPerMinute ? { requestsPerMinute: options.adminRateLimitPerMinute } : undefined);
	return { model: options.rateLimits?.model, admin };
}

/** A proxy-like 401 that repeats what the client sent to log in: a client must never show it unredacted. */
function echoAuthBody(request: IncomingMessage) {
	const authorization = singleHeader(request.headers.authorization) ?? '(none)';
	const basic = /^Basic\s+(\S+)/i.exec(authorization);
	const login = basic ? ` as "${Buffer.from(basic[1], 'base64').toString('utf8')}"` : '';
	return {
		error: {
			message: `Login${login} refused for http://${request.headers.host ?? ''}${request.url ?? ''} (Authorization: ${authorization})`,
			type: 'invalid_request_error',
			param: null,
			code: 'invalid_api_key',
		},
	};
}

/** Answers that start well and then go wrong on the wire: the body trickles, never comes, or is cut off. */
function misbehave(
	fault: Extract<FaultRule, { kind: 'trickle' | 'stall' | 'reset_mid_body' }>,
	response: ServerResponse,
	status: number,
	text: string,
	headers: Record<string, string> = {},
): void {
	const head = {
		'content-type': 'application/json',
		'content-length': String(Buffer.byteLength(text)),
		'x-request-id': requestId(),
		...headers,
	};
	if (fault.kind === 'stall') {
		if (fault.headers !== false) {
			response.writeHead(status, head);
			response.flushHeaders();
		}
		return;
	}
	response.writeHead(status, head);
	if (fault.kind === 'reset_mid_body') {
		response.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))), () => {
			response.socket?.destroy();
		});
		return;
	}
	let sent = 0;
	const timer = setInterval(() => {
		if (response.destroyed || sent >= text.length) {
			clearInterval(timer);
			if (!response.destroyed) response.end();
			return;
		}
		response.write(text.charAt(sent++));
	}, fault.byteMs ?? 1000);
	response.on('close', () => clearInterval(timer));
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
