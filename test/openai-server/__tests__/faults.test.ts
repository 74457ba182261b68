/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	ADMIN_KEY_ACME,
	ADMIN_KEY_GLOBEX,
	fingerprint,
	ORG_ACME,
	startOpenAiTestServer,
	USER_KEY_MULTI,
	type OpenAiTestServer,
} from '..';
import { buildUrl, call, expectError, requestInit } from './client';

let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer({ projects: 30 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const listProjects = (query: Record<string, string> = {}) =>
	call(server, 'GET', '/organization/projects', { key: ADMIN_KEY_ACME, query });
const createProject = (name: string) =>
	fetch(
		buildUrl(server, '/organization/projects'),
		requestInit('POST', { key: ADMIN_KEY_ACME, body: { name } }),
	);
const chat = () =>
	call(server, 'POST', '/chat/completions', {
		key: USER_KEY_MULTI,
		body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] },
	});
/** undici's TypeError comes from another realm than jest's, so compare by name rather than instanceof. */
const expectConnectionFailure = (failure: unknown) => {
	expect((failure as Error).name).toBe('TypeError');
	expect((failure as Error & { cause?: { code?: string } }).cause?.code).toMatch(
		/^(UND_ERR_SOCKET|ECONNRESET)$/,
	);
};
const projectsNamed = (name: string) =>
	server.state.projects.filter((project) => project.name === name);

describe('latency', () => {
	test('a latency fault delays the answer by at least its ms', async () => {
		server.faults.add({ kind: 'latency', ms: 150 });
		const started = Date.now();
		expect((await listProjects()).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(server.requests[0].fault).toBeUndefined();
	});

	test('the latencyMs option delays every request within its range', async () => {
		const slow = await startOpenAiTestServer({ latencyMs: [60, 80] });
		try {
			const started = Date.now();
			await call(slow, 'GET', '/models', { key: USER_KEY_MULTI });
			expect(Date.now() - started).toBeGreaterThanOrEqual(55);
		} finally {
			await slow.close();
		}
	});
});

describe('rate_limit', () => {
	test('by default it answers 429 rate_limit_exceeded without Retry-After or x-ratelimit headers', async () => {
		server.faults.add({ kind: 'rate_limit' });
		const result = await chat();
		expectError(
			result,
			429,
			'rate_limit_exceeded',
			/^Rate limit reached for gpt-4o in organization org-\w+ on tokens per min \(TPM\): Limit 30000, Used 29937, Requested 385\. Please try again in \d+ms\.$/,
		);
		expect(result.body.error.message).toContain(ORG_ACME);
		expect(result.headers.get('retry-after')).toBeNull();
		expect(result.headers.get('retry-after-ms')).toBeNull();
		expect(result.headers.get('x-ratelimit-remaining-requests')).toBeNull();
		expect(server.state.chatCompletions).toHaveLength(0);
	});

	test('it can carry Retry-After, retry-after-ms and x-ratelimit headers', async () => {
		server.faults.add({
			kind: 'rate_limit',
			retryAfterSeconds: 2,
			retryAfterMs: 1500,
			rateLimitHeaders: true,
		});
		const result = await chat();
		expect(result.status).toBe(429);
		expect(result.headers.get('retry-after')).toBe('2');
		expect(result.headers.get('retry-after-ms')).toBe('1500');
		expect(result.headers.get('x-ratelimit-remaining-requests')).toBe('0');
		expect(result.headers.get('x-ratelimit-reset-tokens')).toBe('1500ms');
	});

	test('the next request after the fault is served again', async () => {
		server.faults.add({ kind: 'rate_limit' });
		expect((await chat()).status).toBe(429);
		expect((await chat()).status).toBe(200);
	});
});

test('insufficient_quota answers OpenAI quota error', async () => {
	server.faults.add({ kind: 'insufficient_quota' });
	const result = await chat();
	expectError(
		result,
		429,
		'insufficient_quota',
		'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
	);
	expect(result.body.error.type).toBe('insufficient_quota');
});

test.each([500, 502, 503] as const)(
	'server_error %i answers that status with a server_error body',
	async (status) => {
		server.faults.add({ kind: 'server_error', status });
		const result = await listProjects();
		expect(result.status).toBe(status);
		expect(result.body.error.type).toBe('server_error');
	},
);

describe('connection resets', () => {
	test('reset_before drops the connection and creates nothing', async () => {
		server.faults.add({ kind: 'reset_before', method: 'POST', path: '/organization/projects' });
		const failure = await createProject('Never Made').catch((error: unknown) => error);
		expectConnectionFailure(failure);
		expect(projectsNamed('Never Made')).toHaveLength(0);
		expect(server.requests).toEqual([
			expect.objectContaining({ method: 'POST', fault: 'reset_before' }),
		]);
		expect(server.requests[0].status).toBeUndefined();
	});

	test('reset_after drops the connection after the project was created', async () => {
		server.faults.add({ kind: 'reset_after', method: 'POST', path: '/organization/projects' });
		const failure = await createProject('Made Anyway').catch((error: unknown) => error);
		expectConnectionFailure(failure);
		expect(projectsNamed('Made Anyway')).toHaveLength(1);
		expect(server.requests[0]).toEqual(expect.objectContaining({ fault: 'reset_after' }));
		expect(server.requests[0].status).toBeUndefined();
	});
});

test('malformed_json answers 200 with a body that is not JSON', async () => {
	server.faults.add({ kind: 'malformed_json' });
	const response = await fetch(
		buildUrl(server, '/organization/projects'),
		requestInit('GET', { key: ADMIN_KEY_ACME }),
	);
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toMatch(/^application\/json/);
	const text = await response.text();
	expect(() => JSON.parse(text)).toThrow(SyntaxError);
});

test('repeat_cursor answers has_more with the same last_id whatever the cursor', async () => {
	server.faults.add({ kind: 'repeat_cursor', times: Infinity });
	const first = await listProjects({ limit: '5' });
	const second = await listProjects({ limit: '5', after: first.body.last_id });
	expect(first.body.has_more).toBe(true);
	expect(second.body.has_more).toBe(true);
	expect(second.body.last_id).toBe(first.body.last_id);
	expect(server.requests.map((request) => request.fault)).toEqual([
		'repeat_cursor',
		'repeat_cursor',
	]);
});

test('repeat_cursor is not used up by requests other than the project list', async () => {
	server.faults.add({ kind: 'repeat_cursor' });
	await call(server, 'POST', '/organization/projects', {
		key: ADMIN_KEY_ACME,
		body: { name: 'x' },
	});
	expect(
		(await listProjects({ limit: '100', after: server.state.projects[0].id })).body.has_more,
	).toBe(true);
});

describe('matching', () => {
	test('after skips matches and times limits how many get the fault', async () => {
		server.faults.add({ kind: 'server_error', status: 503, after: 1, times: 2 });
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await listProjects()).status);
		expect(statuses).toEqual([200, 503, 503, 200]);
	});

	test('times: Infinity never runs out', async () => {
		server.faults.add({ kind: 'server_error', status: 500, times: Infinity });
		for (let i = 0; i < 5; i++) expect((await listProjects()).status).toBe(500);
	});

	test('method and path restrict a rule to the requests they describe', async () => {
		server.faults.add({
			kind: 'server_error',
			status: 502,
			method: 'POST',
			path: /^\/v1\/organization\/projects$/,
		});
		expect((await listProjects()).status).toBe(200);
		expect((await chat()).status).toBe(200);
		expect(
			(
				await call(server, 'POST', '/organization/projects', {
					key: ADMIN_KEY_ACME,
					body: { name: 'y' },
				})
			).status,
		).toBe(502);
	});

	test('a key fingerprint restricts a rule to that key', async () => {
		server.faults.add({
			kind: 'insufficient_quota',
			keyFingerprint: fingerprint(ADMIN_KEY_GLOBEX),
		});
		expect((await listProjects()).status).toBe(200);
		expect(
			(await call(server, 'GET', '/organization/projects', { key: ADMIN_KEY_GLOBEX })).status,
		).toBe(429);
	});

	test('clear removes every rule', async () => {
		server.faults.add({ kind: 'server_error', status: 500, times: Infinity });
		server.faults.clear();
		expect((await listProjects()).status).toBe(200);
	});

	test('latency adds up with another fault on the same request', async () => {
		server.faults.add({ kind: 'latency', ms: 100 });
		server.faults.add({ kind: 'server_error', status: 500 });
		const started = Date.now();
		expect((await listProjects()).status).toBe(500);
		expect(Date.now() - started).toBeGreaterThanOrEqual(90);
	});
});
