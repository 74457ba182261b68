/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	ADMIN_KEY_ACME,
	ADMIN_KEY_GLOBEX,
	DEFAULT_PROJECT_ACME,
	PROJECT_GLOBEX_ARCHIVED,
	PROJECT_GLOBEX_RESEARCH,
	PROJECT_KEY_ACME,
	startOpenAiTestServer,
	type OpenAiTestServer,
} from '..';
import { call, expectError, type CallOptions } from './client';

let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer({ projects: 2 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

type Method = 'GET' | 'POST' | 'DELETE';
const acme = (method: Method, path: string, options: CallOptions = {}) =>
	call(server, method, `/organization/projects/${DEFAULT_PROJECT_ACME}${path}`, { key: ADMIN_KEY_ACME, ...options });
const globex = (method: Method, project: string, path: string, options: CallOptions = {}) =>
	call(server, method, `/organization/projects/${project}${path}`, { key: ADMIN_KEY_GLOBEX, ...options });
const alertBody = (threshold: number, recipients = ['finance@example.com']) => ({
	threshold_amount: threshold,
	currency: 'USD',
	interval: 'month',
	notification_channel: { type: 'email', recipients, subject_prefix: 'OpenAI spend alert' },
});

describe('rate limits', () => {
	test('a project lists one rate limit per model, at its organization limits, in pages', async () => {
		const first = await acme('GET', '/rate_limits', { query: { limit: '4' } });
		expect(first.body.data).toHaveLength(4);
		expect(first.body.has_more).toBe(true);
		expect(first.body.data[0]).toEqual(
			expect.objectContaining({ object: 'project.rate_limit', id: 'rl-gpt-4o', model: 'gpt-4o', max_requests_per_1_minute: 30_000 }),
		);
		const rest = await acme('GET', '/rate_limits', { query: { after: first.body.last_id } });
		expect(rest.body.has_more).toBe(false);
		expect(first.body.data.length + rest.body.data.length).toBe(11);
	});

	test('an update lowers the fields given and keeps the others', async () => {
		const { body } = await acme('POST', '/rate_limits/rl-gpt-4o', { body: { max_requests_per_1_minute: 500 } });
		expect(body).toEqual(expect.objectContaining({ max_requests_per_1_minute: 500, max_tokens_per_1_minute: 150_000_000 }));
	});

	test.each([
		[{ max_requests_per_1_minute: 30_001 }, 'invalid_value', /cannot be higher than the organization's limit for gpt-4o \(30000\)/],
		[{ max_requests_per_1_minute: 0 }, 'integer_below_min_value', /integer must be between 1 and 30000/],
		[{ max_requests_per_1_minute: 1.5 }, 'invalid_type', /expected an integer/],
		[{ max_images_per_1_minute: 5 }, 'invalid_value', /has no such limit/],
	])('an update refuses %j', async (body, code, message) => {
		expectError(await acme('POST', '/rate_limits/rl-gpt-4o', { body }), 400, code, message);
	});

	test('an unknown rate limit is not found, an archived project cannot be changed', async () => {
		expectError(await acme('POST', '/rate_limits/rl-nope', { body: {} }), 404, 'not_found');
		expectError(await globex('POST', PROJECT_GLOBEX_ARCHIVED, '/rate_limits/rl-gpt-4o', { body: { max_requests_per_1_minute: 5 } }), 400, 'project_archived');
	});

	test('only an Admin key may read them', async () => {
		const result = await call(server, 'GET', `/organization/projects/${DEFAULT_PROJECT_ACME}/rate_limits`, { key: PROJECT_KEY_ACME });
		expect(result.status).toBe(401);
	});
});

describe('spend alerts', () => {
	test('create, get, list in both orders and by pages, update (whole body), delete', async () => {
		const created = [];
		for (const threshold of [100_000, 250_000, 500_000]) created.push((await acme('POST', '/spend_alerts', { body: alertBody(threshold) })).body);
		expect(created[0]).toEqual(expect.objectContaining({ object: 'project.spend_alert', threshold_amount: 100_000, currency: 'USD' }));
		expect((await acme('GET', `/spend_alerts/${created[1].id}`)).body.threshold_amount).toBe(250_000);
		const page = await acme('GET', '/spend_alerts', { query: { limit: '2' } });
		expect(page.body.data.map((alert: { id: string }) => alert.id)).toEqual([created[0].id, created[1].id]);
		expect(page.body.has_more).toBe(true);
		const desc = await acme('GET', '/spend_alerts', { query: { order: 'desc' } });
		expect(desc.body.data[0].id).toBe(created[2].id);
		const before = await acme('GET', '/spend_alerts', { query: { before: created[2].id, limit: '1' } });
		expect(before.body.data.map((alert: { id: string }) => alert.id)).toEqual([created[1].id]);
		const updated = await acme('POST', `/spend_alerts/${created[0].id}`, { body: alertBody(150_000, ['ops@example.com']) });
		expect(updated.body.notification_channel.recipients).toEqual(['ops@example.com']);
		expectError(await acme('POST', `/spend_alerts/${created[0].id}`, { body: { threshold_amount: 1 } }), 400, 'missing_required_parameter');
		const deleted = await acme('DELETE', `/spend_alerts/${created[0].id}`);
		expect(deleted.body).toEqual({ id: created[0].id, object: 'project.spend_alert.deleted', deleted: true });
		expectError(await acme('DELETE', `/spend_alerts/${created[0].id}`), 404, 'not_found');
	});

	test.each([
		[{ ...alertBody(100), threshold_amount: 10.5 }, 'invalid_type'],
		[{ ...alertBody(100), threshold_amount: -1 }, 'invalid_value'],
		[{ ...alertBody(100), currency: 'EUR' }, 'invalid_value'],
		[alertBody(100, []), 'invalid_value'],
		[alertBody(100, ['not-an-email']), 'invalid_value'],
	])('a create refuses %j', async (body, code) => {
		expectError(await acme('POST', '/spend_alerts', { body }), 400, code);
	});

	test('an archived project can be read but not given an alert', async () => {
		expect((await globex('GET', PROJECT_GLOBEX_ARCHIVED, '/spend_alerts')).body.data).toEqual([]);
		expectError(await globex('POST', PROJECT_GLOBEX_ARCHIVED, '/spend_alerts', { body: alertBody(100) }), 400, 'project_archived');
	});
});

describe('spend limit', () => {
	test('none at first; set, replace, read, remove; a second remove finds none', async () => {
		expectError(await acme('GET', '/spend_limit'), 404, 'not_found');
		await acme('POST', '/spend_limit', { body: { threshold_amount: 10_000, currency: 'USD', interval: 'month' } });
		const replaced = await acme('POST', '/spend_limit', { body: { threshold_amount: 20_000, currency: 'USD', interval: 'month' } });
		expect(replaced.body).toEqual({ object: 'project.spend_limit', threshold_amount: 20_000, currency: 'USD', interval: 'month', enforcement: { status: 'enforcing' } });
		expect((await acme('GET', '/spend_limit')).body.threshold_amount).toBe(20_000);
		expect((await acme('DELETE', '/spend_limit')).body).toEqual({ object: 'project.spend_limit.deleted', deleted: true });
		expectError(await acme('DELETE', '/spend_limit'), 404, 'not_found');
	});

	test('refuses 0 cents and archived projects', async () => {
		expectError(await acme('POST', '/spend_limit', { body: { threshold_amount: 0, currency: 'USD', interval: 'month' } }), 400, 'invalid_value');
		expectError(await globex('POST', PROJECT_GLOBEX_ARCHIVED, '/spend_limit', { body: { threshold_amount: 5, currency: 'USD', interval: 'month' } }), 400, 'project_archived');
	});
});

describe('permissions', () => {
	test('models: every model allowed at first; a policy replaces it; deleting it allows every model again', async () => {
		expect((await acme('GET', '/model_permissions')).body).toEqual({ object: 'project.model_permissions', mode: 'deny_list', model_ids: [] });
		const set = await acme('POST', '/model_permissions', { body: { mode: 'allow_list', model_ids: ['gpt-4.1', 'o3-mini'] } });
		expect(set.body.model_ids).toEqual(['gpt-4.1', 'o3-mini']);
		expectError(await acme('POST', '/model_permissions', { body: { mode: 'allow_list', model_ids: ['gpt-9'] } }), 400, 'invalid_value');
		expect((await acme('DELETE', '/model_permissions')).body).toEqual({ object: 'project.model_permissions.deleted', deleted: true });
		expect((await acme('GET', '/model_permissions')).body.model_ids).toEqual([]);
	});

	test('hosted tools: all enabled at first; an update changes only the tools named', async () => {
		const set = await globex('POST', PROJECT_GLOBEX_RESEARCH, '/hosted_tool_permissions', { body: { mcp: { enabled: false }, web_search: null } });
		expect(set.body).toEqual({
			file_search: { enabled: true },
			web_search: { enabled: true },
			image_generation: { enabled: true },
			mcp: { enabled: false },
			code_interpreter: { enabled: true },
		});
		expectError(await globex('POST', PROJECT_GLOBEX_RESEARCH, '/hosted_tool_permissions', { body: { teleport: { enabled: true } } }), 400, 'invalid_value');
		expectError(await globex('POST', PROJECT_GLOBEX_ARCHIVED, '/hosted_tool_permissions', { body: { mcp: { enabled: true } } }), 400, 'project_archived');
	});

	test('a reset forgets every change', async () => {
		await acme('POST', '/spend_limit', { body: { threshold_amount: 10_000, currency: 'USD', interval: 'month' } });
		server.reset();
		expectError(await acme('GET', '/spend_limit'), 404, 'not_found');
	});
});
