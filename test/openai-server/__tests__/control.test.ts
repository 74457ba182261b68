/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	ADMIN_KEY_ACME,
	ALL_FIXTURE_KEYS,
	startOpenAiTestServer,
	USER_KEY_MULTI,
	type OpenAiTestServer,
} from '..';
import { parseFaultRule } from '../control';
import { call } from './client';

let server: OpenAiTestServer;
let control: string;
let clock = Date.UTC(2026, 10, 1, 12);
beforeAll(async () => {
	server = await startOpenAiTestServer({ projects: 2, now: () => clock });
	control = server.url.replace(/\/v1$/, '/__control');
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const send = async (method: string, path: string, body?: unknown) => {
	const response = await fetch(`${control}${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: await response.json() };
};
const models = () => call(server, 'GET', '/models', { key: USER_KEY_MULTI });

test('GET /__control/requests lists what was recorded, and control calls are not recorded', async () => {
	await models();
	const { body } = await send('GET', '/requests');
	expect(body).toEqual([
		expect.objectContaining({ method: 'GET', path: '/v1/models', status: 200 }),
	]);
});

test('DELETE /__control/requests clears the recording', async () => {
	await models();
	expect((await send('DELETE', '/requests')).status).toBe(200);
	expect(server.requests).toEqual([]);
});

test('POST /__control/faults takes a path as regex source and times "Infinity"', async () => {
	expect(
		(
			await send('POST', '/faults', {
				kind: 'server_error',
				status: 503,
				path: '^/v1/models$',
				times: 'Infinity',
			})
		).status,
	).toBe(200);
	for (let i = 0; i < 3; i++) expect((await models()).status).toBe(503);
	expect(
		(await call(server, 'GET', '/organization/projects', { key: ADMIN_KEY_ACME })).status,
	).toBe(200);
});

test('DELETE /__control/faults removes every fault', async () => {
	await send('POST', '/faults', { kind: 'server_error', status: 500, times: -1 });
	await send('DELETE', '/faults');
	expect((await models()).status).toBe(200);
});

test('a fault of unknown kind is refused with 400', async () => {
	const result = await send('POST', '/faults', { kind: 'earthquake' });
	expect(result.status).toBe(400);
	expect(result.body.error).toMatch(/kind must be one of/);
});

test('POST /__control/reset restores the seeded state', async () => {
	await call(server, 'POST', '/organization/projects', {
		key: ADMIN_KEY_ACME,
		body: { name: 'Gone After Reset' },
	});
	await send('POST', '/reset');
	expect(server.state.projects.some((project) => project.name === 'Gone After Reset')).toBe(false);
});

test('POST /__control/reset restores the world seeded at start, however much later it comes', async () => {
	const seeded = JSON.stringify(server.state);
	clock += 9_000;
	await send('POST', '/reset');
	expect(JSON.stringify(server.state)).toBe(seeded);
	clock -= 9_000;
});

test('GET /__control/state shows the live state without any full key', async () => {
	await call(server, 'POST', '/organization/projects', {
		key: ADMIN_KEY_ACME,
		body: { name: 'Visible' },
	});
	const { body } = await send('GET', '/state');
	expect(body.projects.map((project: { name: string }) => project.name)).toContain('Visible');
	for (const key of ALL_FIXTURE_KEYS) expect(JSON.stringify(body)).not.toContain(key);
});

test('an unknown control route is a 404', async () => {
	expect((await send('GET', '/nothing')).status).toBe(404);
});

test('parseFaultRule turns JSON into a rule with a RegExp path', () => {
	const rule = parseFaultRule('{"kind":"latency","ms":[1,2],"path":"projects$","times":null}');
	expect(rule).toEqual({ kind: 'latency', ms: [1, 2], path: /projects$/, times: Infinity });
	expect(parseFaultRule('not json')).toBe('the body must be a JSON fault rule');
});

test('GET /__control/digest stays the same after reads and changes when an admin changes the organization', async () => {
	const before = (await send('GET', '/digest')).body;
	const [project] = server.state.projects.filter((candidate) => !candidate.isDefault);
	await call(server, 'GET', '/organization/projects', { key: ADMIN_KEY_ACME });
	await call(server, 'GET', `/organization/projects/${project.id}/spend_alerts`, { key: ADMIN_KEY_ACME });
	await call(server, 'GET', `/organization/projects/${project.id}/rate_limits`, { key: ADMIN_KEY_ACME });
	expect((await send('GET', '/digest')).body).toEqual(before);

	await call(server, 'POST', `/organization/projects/${project.id}/archive`, { key: ADMIN_KEY_ACME });
	const after = (await send('GET', '/digest')).body;
	expect(after.digest).not.toBe(before.digest);
	const changed = Object.keys(before.parts).filter((part) => before.parts[part] !== after.parts[part]);
	expect(changed).toEqual(['projects']);
	server.reset();
	expect((await send('GET', '/digest')).body).toEqual(before);
});
