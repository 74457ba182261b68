/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	ADMIN_KEY_ACME,
	ALL_FIXTURE_KEYS,
	BAD_KEY,
	fingerprint,
	ORG_ACME,
	startOpenAiTestServer,
	USER_KEY_MULTI,
	type OpenAiTestServer,
} from '..';
import { call } from './client';

let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer({ projects: 3, now: () => Date.UTC(2026, 10, 1, 12) });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

test('a request is recorded with method, path, query, headers, parsed body and status', async () => {
	await call(server, 'POST', '/organization/projects', {
		key: ADMIN_KEY_ACME,
		organization: ORG_ACME,
		body: { name: 'Recorded' },
	});
	await call(server, 'GET', '/organization/projects', {
		key: ADMIN_KEY_ACME,
		query: { limit: '2', 'group_by[]': ['a', 'b'] },
	});
	expect(server.requests).toEqual([
		expect.objectContaining({
			method: 'POST',
			path: '/v1/organization/projects',
			query: {},
			body: { name: 'Recorded' },
			status: 200,
			keyFingerprint: fingerprint(ADMIN_KEY_ACME),
			headers: expect.objectContaining({
				authorization: `Bearer ${fingerprint(ADMIN_KEY_ACME)}`,
				'openai-organization': ORG_ACME,
			}),
		}),
		expect.objectContaining({
			method: 'GET',
			query: { limit: '2', 'group_by[]': ['a', 'b'] },
			status: 200,
		}),
	]);
	expect(server.requests[1].body).toBeUndefined();
});

test('no full key appears anywhere in the recorded requests', async () => {
	for (const key of ALL_FIXTURE_KEYS) {
		await call(server, 'GET', '/models', { key });
		await call(server, 'POST', '/chat/completions', {
			key,
			query: { note: key },
			body: { model: 'gpt-4o', messages: [{ role: 'user', content: `my key is ${key}` }] },
		});
	}
	const recorded = JSON.stringify(server.requests);
	for (const key of ALL_FIXTURE_KEYS) {
		expect(recorded).not.toContain(key);
		expect(recorded).toContain(fingerprint(key));
	}
	expect(server.requests.map((request) => request.status)).toContain(401);
});

test('no full key appears in the state', async () => {
	const state = JSON.stringify(server.state);
	for (const key of ALL_FIXTURE_KEYS) expect(state).not.toContain(key);
	expect(server.state.keys.map((key) => key.fingerprint)).toContain(fingerprint(USER_KEY_MULTI));
});

test('a request without a usable key is recorded without a fingerprint', async () => {
	await call(server, 'GET', '/models');
	expect(server.requests[0].keyFingerprint).toBeUndefined();
	expect(server.requests[0].status).toBe(401);
});

test('clearRequests forgets what was recorded', async () => {
	await call(server, 'GET', '/models', { key: BAD_KEY });
	server.clearRequests();
	expect(server.requests).toEqual([]);
});

test('reset brings back the seeded state with no faults and no requests', async () => {
	const seeded = JSON.stringify(server.state);
	await call(server, 'POST', '/organization/projects', {
		key: ADMIN_KEY_ACME,
		body: { name: 'Temporary' },
	});
	await call(server, 'POST', '/chat/completions', {
		key: USER_KEY_MULTI,
		body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] },
	});
	server.faults.add({ kind: 'server_error', status: 500, times: Infinity });
	server.reset();
	expect(JSON.stringify(server.state)).toBe(seeded);
	expect(server.requests).toEqual([]);
	expect((await call(server, 'GET', '/models', { key: USER_KEY_MULTI })).status).toBe(200);
});

test('ids minted after a reset repeat those minted before it', async () => {
	const first = await call(server, 'POST', '/organization/projects', {
		key: ADMIN_KEY_ACME,
		body: { name: 'Again' },
	});
	server.reset();
	const second = await call(server, 'POST', '/organization/projects', {
		key: ADMIN_KEY_ACME,
		body: { name: 'Again' },
	});
	expect(second.body.id).toBe(first.body.id);
});
