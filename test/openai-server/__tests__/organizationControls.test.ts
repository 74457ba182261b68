/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	ADMIN_KEY_ACME,
	ADMIN_KEY_GLOBEX,
	DEFAULT_PROJECT_ACME,
	PROJECT_GLOBEX_ARCHIVED,
	PROJECT_GLOBEX_RESEARCH,
	startOpenAiTestServer,
	type OpenAiTestServer,
} from '..';
import { call, expectError, type CallOptions } from './client';

let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer({ projects: 2, seed: 7 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

type Method = 'GET' | 'POST' | 'DELETE';
const acme = (method: Method, path: string, options: CallOptions = {}) => call(server, method, `/organization${path}`, { key: ADMIN_KEY_ACME, ...options });
const globex = (method: Method, path: string, options: CallOptions = {}) => call(server, method, `/organization${path}`, { key: ADMIN_KEY_GLOBEX, ...options });
const limit = (cents: number) => ({ body: { threshold_amount: cents, currency: 'USD', interval: 'month' } });
const alertBody = (cents: number) => ({
	body: { threshold_amount: cents, currency: 'USD', interval: 'month', notification_channel: { type: 'email', recipients: ['cfo@example.com'] } },
});

describe('the organization hard spend limit', () => {
	test('is absent at first (404), set and replaced, read back, deleted; each organization has its own', async () => {
		expectError(await acme('GET', '/spend_limit'), 404, 'not_found');
		const set = await acme('POST', '/spend_limit', limit(50_000));
		expect(set.body).toEqual({ object: 'organization.spend_limit', threshold_amount: 50_000, currency: 'USD', interval: 'month', enforcement: { status: 'enforcing' } });
		await acme('POST', '/spend_limit', limit(60_000));
		expect((await acme('GET', '/spend_limit')).body.threshold_amount).toBe(60_000);
		expectError(await globex('GET', '/spend_limit'), 404, 'not_found');
		expect((await acme('DELETE', '/spend_limit')).body).toEqual({ object: 'organization.spend_limit.deleted', deleted: true });
		expectError(await acme('DELETE', '/spend_limit'), 404, 'not_found');
	});

	test('refuses an amount below 1 cent, another currency or interval', async () => {
		expectError(await acme('POST', '/spend_limit', limit(0)), 400, 'invalid_value');
		expectError(await acme('POST', '/spend_limit', { body: { threshold_amount: 10, currency: 'EUR', interval: 'month' } }), 400, 'invalid_value');
		expectError(await acme('POST', '/spend_limit', { body: { threshold_amount: 10, currency: 'USD' } }), 400, 'missing_required_parameter');
	});

	test('bounds its projects: a project limit above it is refused, and lowering it lowers the projects above it', async () => {
		const project = (method: Method, options: CallOptions = {}) =>
			call(server, method, `/organization/projects/${DEFAULT_PROJECT_ACME}/spend_limit`, { key: ADMIN_KEY_ACME, ...options });
		await project('POST', limit(80_000));
		await acme('POST', '/spend_limit', limit(50_000));
		expect((await project('GET')).body.threshold_amount).toBe(50_000);
		expectError(await project('POST', limit(50_001)), 400, 'invalid_value', /cannot be higher than the organization's hard spend limit \(50000 cents per month\)/);
		expect((await project('POST', limit(50_000))).status).toBe(200);
		expect((await project('POST', limit(20_000))).body.threshold_amount).toBe(20_000);
		await acme('DELETE', '/spend_limit');
		expect((await project('POST', limit(90_000))).body.threshold_amount).toBe(90_000);
	});
});

describe('organization spend alerts', () => {
	test('are created, listed in pages, read, replaced and deleted, apart from any project\'s', async () => {
		const ids: string[] = [];
		for (const cents of [10_000, 20_000, 30_000]) ids.push((await acme('POST', '/spend_alerts', alertBody(cents))).body.id);
		expect(ids.every((id) => /^alert_/.test(id))).toBe(true);
		const page = await acme('GET', '/spend_alerts', { query: { limit: '2' } });
		expect(page.body).toMatchObject({ object: 'list', has_more: true, first_id: ids[0], last_id: ids[1] });
		expect(page.body.data[0].object).toBe('organization.spend_alert');
		const rest = await acme('GET', '/spend_alerts', { query: { after: ids[1] } });
		expect(rest.body.data.map((alert: { id: string }) => alert.id)).toEqual([ids[2]]);
		expect((await acme('GET', `/spend_alerts/${ids[0]}`)).body.threshold_amount).toBe(10_000);
		expect((await acme('POST', `/spend_alerts/${ids[0]}`, alertBody(15_000))).body.threshold_amount).toBe(15_000);
		expect((await acme('DELETE', `/spend_alerts/${ids[0]}`)).body).toEqual({ id: ids[0], object: 'organization.spend_alert.deleted', deleted: true });
		expectError(await acme('GET', `/spend_alerts/${ids[0]}`), 404, 'not_found');
		expect((await globex('GET', '/spend_alerts')).body.data).toEqual([]);
		const projectAlerts = await call(server, 'GET', `/organization/projects/${DEFAULT_PROJECT_ACME}/spend_alerts`, { key: ADMIN_KEY_ACME });
		expect(projectAlerts.body.data).toEqual([]);
	});

	test('refuses an alert without recipients', async () => {
		const body = { threshold_amount: 1, currency: 'USD', interval: 'month', notification_channel: { type: 'email', recipients: [] } };
		expectError(await acme('POST', '/spend_alerts', { body }), 400, 'invalid_value');
	});
});

describe('data retention', () => {
	test('the organization reads and changes its setting; only the contract\'s values are accepted', async () => {
		expect((await acme('GET', '/data_retention')).body).toEqual({ object: 'organization.data_retention', type: 'modified_abuse_monitoring' });
		expect((await acme('POST', '/data_retention', { body: { retention_type: 'zero_data_retention' } })).body.type).toBe('zero_data_retention');
		expect((await acme('GET', '/data_retention')).body.type).toBe('zero_data_retention');
		expect((await globex('GET', '/data_retention')).body.type).toBe('modified_abuse_monitoring');
		expectError(await acme('POST', '/data_retention', { body: { retention_type: 'organization_default' } }), 400, 'invalid_value');
		expectError(await acme('POST', '/data_retention', { body: {} }), 400, 'missing_required_parameter');
	});

	test('a project follows the organization until given its own; an archived one cannot be changed', async () => {
		const path = `/projects/${PROJECT_GLOBEX_RESEARCH}/data_retention`;
		expect((await globex('GET', path)).body).toEqual({ object: 'project.data_retention', type: 'organization_default' });
		expect((await globex('POST', path, { body: { retention_type: 'none' } })).body.type).toBe('none');
		expect((await globex('GET', path)).body.type).toBe('none');
		expectError(await globex('POST', `/projects/${PROJECT_GLOBEX_ARCHIVED}/data_retention`, { body: { retention_type: 'none' } }), 400, 'project_archived');
		expectError(await acme('GET', path), 404, 'not_found');
	});
});

describe('usage filters', () => {
	const completions = (query: Record<string, string | string[]>) =>
		acme('GET', '/usage/completions', { query: { start_time: String(Math.floor(Date.now() / 1000) - 7 * 86_400), 'group_by[]': ['project_id', 'api_key_id', 'user_id', 'model', 'batch'], limit: '7', ...query } });
	const results = (body: { data: Array<{ results: Array<Record<string, unknown>> }> }) => body.data.flatMap((bucket) => bucket.results);

	test('usage is used by the project\'s keys and their owners, and each filter keeps only its rows', async () => {
		const all = results((await completions({})).body);
		expect(all.length).toBeGreaterThan(0);
		const key = all.find((row) => typeof row.api_key_id === 'string')!.api_key_id as string;
		const user = all.find((row) => typeof row.user_id === 'string')!.user_id as string;
		const model = all[0].model as string;
		expect(results((await completions({ 'api_key_ids[]': key })).body).every((row) => row.api_key_id === key)).toBe(true);
		expect(results((await completions({ 'user_ids[]': user })).body).every((row) => row.user_id === user)).toBe(true);
		expect(results((await completions({ 'models[]': model })).body).every((row) => row.model === model)).toBe(true);
		const batch = results((await completions({ batch: 'true' })).body);
		const online = results((await completions({ batch: 'false' })).body);
		expect(batch.length).toBeGreaterThan(0);
		expect(online.length).toBeGreaterThan(0);
		expect(batch.every((row) => row.batch === true) && online.every((row) => row.batch === false)).toBe(true);
		expect(batch.length + online.length).toBe(all.length);
		expectError(await completions({ batch: 'maybe' }), 400, 'invalid_type');
	});
});
