/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	ADMIN_KEY_ACME,
	ADMIN_KEY_GLOBEX,
	ORG_ACME,
	startOpenAiTestServer,
	USER_KEY_MULTI,
	type OpenAiTestServer,
} from '..';
import { call, expectError } from './client';

let clock = Date.UTC(2026, 10, 1, 12);
let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer({ adminRateLimitPerMinute: 3, now: () => clock });
});
afterAll(() => server.close());
beforeEach(() => {
	server.reset();
	clock = Date.UTC(2026, 10, 1, 12);
});

const list = (key = ADMIN_KEY_ACME) => call(server, 'GET', '/organization/projects', { key });

test('the request over the per-minute limit gets a 429 rate_limit_exceeded without Retry-After or x-ratelimit headers', async () => {
	for (let i = 0; i < 3; i++) expect((await list()).status).toBe(200);
	const refused = await list();
	expectError(
		refused,
		429,
		'rate_limit_exceeded',
		`Rate limit reached for requests in organization ${ORG_ACME} on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 60s.`,
	);
	expect(refused.headers.get('retry-after')).toBeNull();
	expect(refused.headers.get('retry-after-ms')).toBeNull();
	const names: string[] = [];
	refused.headers.forEach((_, name) => names.push(name));
	expect(names.filter((name) => name.startsWith('x-ratelimit'))).toEqual([]);
	expect(names).toContain('x-request-id');
});

test('the limit counts per key', async () => {
	for (let i = 0; i < 3; i++) await list();
	expect((await list(ADMIN_KEY_GLOBEX)).status).toBe(200);
});

test('a slot frees one minute after the oldest request', async () => {
	await list();
	clock += 30_000;
	await list();
	await list();
	expect((await list()).status).toBe(429);
	clock += 30_001;
	expect((await list()).status).toBe(200);
	expect((await list()).status).toBe(429);
});

test('refused requests do not count against the window', async () => {
	for (let i = 0; i < 5; i++) await list();
	clock += 60_001;
	for (let i = 0; i < 3; i++) expect((await list()).status).toBe(200);
});

test('model endpoints are not limited by the admin limit', async () => {
	for (let i = 0; i < 5; i++)
		expect((await call(server, 'GET', '/models', { key: USER_KEY_MULTI })).status).toBe(200);
});

test('without the option there is no admin limit', async () => {
	const open = await startOpenAiTestServer();
	try {
		for (let i = 0; i < 12; i++)
			expect(
				(await call(open, 'GET', '/organization/projects', { key: ADMIN_KEY_ACME })).status,
			).toBe(200);
	} finally {
		await open.close();
	}
});
