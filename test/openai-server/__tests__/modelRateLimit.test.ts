/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	ADMIN_KEY_ACME,
	ORG_ACME,
	ORG_GLOBEX,
	PROJECT_KEY_ACME,
	startOpenAiTestServer,
	USER_KEY_MULTI,
	type OpenAiTestServer,
} from '..';
import { parseCliOptions } from '../cliOptions';
import { formatDuration } from '../rateLimiter';
import { call, expectError } from './client';

let clock = Date.UTC(2026, 10, 1, 12);
let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer({
		projects: 3,
		now: () => clock,
		rateLimits: { model: { requestsPerMinute: 3, tokensPerMinute: 1_000 } },
	});
});
afterAll(() => server.close());
beforeEach(() => {
	server.reset();
	clock = Date.UTC(2026, 10, 1, 12);
});

// 40 characters: 10 tokens by OpenAI's estimate, plus the 90 the answer may use.
const chat = (options: { key?: string; organization?: string; maxTokens?: number } = {}) =>
	call(server, 'POST', '/chat/completions', {
		key: options.key ?? PROJECT_KEY_ACME,
		organization: options.organization,
		body: {
			model: 'gpt-4o-mini',
			messages: [{ role: 'user', content: 'Summarise this ticket in one sentence.!' }],
			max_completion_tokens: options.maxTokens ?? 90,
		},
	});

test('every answer says where the caller stands, in the six x-ratelimit headers', async () => {
	const first = await chat();
	expect(first.status).toBe(200);
	expect(first.headers.get('x-ratelimit-limit-requests')).toBe('3');
	expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('2');
	expect(first.headers.get('x-ratelimit-reset-requests')).toBe('20s');
	expect(first.headers.get('x-ratelimit-limit-tokens')).toBe('1000');
	expect(first.headers.get('x-ratelimit-remaining-tokens')).toBe('900');
	expect(first.headers.get('x-ratelimit-reset-tokens')).toBe('6s');
	const models = await call(server, 'GET', '/models', { key: PROJECT_KEY_ACME });
	expect(models.headers.get('x-ratelimit-remaining-requests')).toBe('1');
});

test('the request over the requests per minute gets OpenAI\'s 429, with the headers and Retry-After', async () => {
	for (let i = 0; i < 3; i++) {
		expect((await chat()).status).toBe(200);
		clock += 1_000;
	}
	const refused = await chat();
	expectError(
		refused,
		429,
		'rate_limit_exceeded',
		`Rate limit reached for gpt-4o-mini in organization ${ORG_ACME} on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 57s.`,
	);
	expect(refused.body.error.type).toBe('requests');
	expect(refused.headers.get('x-ratelimit-remaining-requests')).toBe('0');
	expect(refused.headers.get('x-ratelimit-reset-requests')).toBe('1m0s');
	expect(refused.headers.get('retry-after')).toBe('57');
});

test('the request whose tokens do not fit gets the tokens-per-minute 429', async () => {
	expect((await chat({ maxTokens: 891 })).status).toBe(200);
	clock += 644;
	const refused = await chat({ maxTokens: 90 });
	expectError(
		refused,
		429,
		'rate_limit_exceeded',
		`Rate limit reached for gpt-4o-mini in organization ${ORG_ACME} on tokens per min (TPM): Limit 1000, Used 901, Requested 100. Please try again in 59.356s.`,
	);
	expect(refused.body.error.type).toBe('tokens');
	expect(refused.headers.get('x-ratelimit-remaining-tokens')).toBe('99');
});

test('the window slides: a request leaves it one minute after it was made', async () => {
	await chat();
	clock += 30_000;
	await chat();
	await chat();
	expect((await chat()).status).toBe(429);
	clock += 30_001;
	expect((await chat()).status).toBe(200);
	expect((await chat()).status).toBe(429);
});

test('limits count per organization and key: another organization of the key, or another key, has its own', async () => {
	for (let i = 0; i < 3; i++) await chat({ key: USER_KEY_MULTI, organization: ORG_ACME });
	expect((await chat({ key: USER_KEY_MULTI, organization: ORG_ACME })).status).toBe(429);
	expect((await chat({ key: USER_KEY_MULTI, organization: ORG_GLOBEX })).status).toBe(200);
	expect((await chat({ key: PROJECT_KEY_ACME })).status).toBe(200);
});

test('limits are set per test through the server or POST /__control/limits, and reset keeps them', async () => {
	server.setRateLimits({ model: { requestsPerMinute: 1, tokensPerMinute: 10_000 } });
	try {
		expect((await chat()).status).toBe(200);
		expect((await chat()).status).toBe(429);
		const control = server.url.replace(/\/v1$/, '/__control/limits');
		const set = await fetch(control, {
			method: 'POST',
			body: JSON.stringify({ model: { requestsPerMinute: 500, tokensPerMinute: 150_000, windowMs: 6_000 } }),
		});
		expect(await set.json()).toEqual({
			model: { requestsPerMinute: 500, tokensPerMinute: 150_000, windowMs: 6_000 },
		});
		// A 6 s window holds a tenth of the per-minute limits: one request is a tenth of it.
		expect((await chat()).headers.get('x-ratelimit-remaining-requests')).toBe('490');
		server.reset();
		expect((await (await fetch(control)).json()).model.requestsPerMinute).toBe(500);
		const bad = await fetch(control, { method: 'POST', body: JSON.stringify({ model: { requestsPerMinute: 0 } }) });
		expect(bad.status).toBe(400);
	} finally {
		server.setRateLimits({ model: { requestsPerMinute: 3, tokensPerMinute: 1_000 } });
	}
});

test('the Admin API is limited per endpoint: a full list limit does not hold back archives', async () => {
	server.setRateLimits({ admin: { requestsPerMinute: 2 } });
	try {
		const list = () => call(server, 'GET', '/organization/projects', { key: ADMIN_KEY_ACME });
		await list();
		await list();
		const refused = await list();
		expectError(refused, 429, 'rate_limit_exceeded');
		const names: string[] = [];
		refused.headers.forEach((_, name) => names.push(name));
		expect(names.filter((name) => name.startsWith('x-ratelimit') || name.startsWith('retry-after'))).toEqual([]);
		const [project] = server.state.projects.filter((candidate) => candidate.organizationId === ORG_ACME && !candidate.isDefault);
		expect((await call(server, 'POST', `/organization/projects/${project.id}/archive`, { key: ADMIN_KEY_ACME })).status).toBe(200);
	} finally {
		server.setRateLimits({ model: { requestsPerMinute: 3, tokensPerMinute: 1_000 } });
	}
});

test('a shorter window compresses time: the rates stay per minute, the window holds its share of them', async () => {
	server.setRateLimits({ model: { requestsPerMinute: 600, tokensPerMinute: 1_000_000, windowMs: 1_000 } });
	try {
		for (let i = 0; i < 10; i++) expect((await chat()).status).toBe(200);
		const refused = await chat();
		expectError(refused, 429, 'rate_limit_exceeded', /on requests per min \(RPM\): Limit 600, Used 600, Requested 1\. Please try again in 1s\./);
		expect(refused.headers.get('x-ratelimit-reset-requests')).toBe('1m0s');
		clock += 1_001;
		expect((await chat()).status).toBe(200);
	} finally {
		server.setRateLimits({ model: { requestsPerMinute: 3, tokensPerMinute: 1_000 } });
	}
});

test('durations are written as OpenAI writes them', () => {
	expect(formatDuration(644)).toBe('644ms');
	expect(formatDuration(1_000)).toBe('1s');
	expect(formatDuration(1_500)).toBe('1.5s');
	expect(formatDuration(360_000)).toBe('6m0s');
	expect(formatDuration(3_723_500)).toBe('1h2m3.5s');
});

test('the CLI sets model limits and a shorter window for both kinds of limit', () => {
	expect(
		parseCliOptions(['--rate-limit', '500/150000', '--rate-window-ms', '6000', '--admin-rate-limit', '10', '--admin-rate-window-ms', '6000']),
	).toMatchObject({
		rateLimits: {
			model: { requestsPerMinute: 500, tokensPerMinute: 150_000, windowMs: 6_000 },
			admin: { requestsPerMinute: 10, windowMs: 6_000 },
		},
	});
	expect(() => parseCliOptions(['--rate-limit', '500'])).toThrow(/500\/150000/);
});
