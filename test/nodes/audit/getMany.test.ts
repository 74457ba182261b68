import { validateResponse } from '../../contract/openapi';
import { ADMIN_KEY_GLOBEX, PROJECT_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { nodeResult } from '../workflowHelpers';
import { AUDIT_LOGS_PATH, DAY, append, clock, requestsTo, runGetMany, serverOptions, useClock } from './support';

describe('Audit Logs > Get Many', () => {
	let server: OpenAiTestServer;
	useClock();
	serveTestServer(serverOptions(), (started) => (server = started));

	it('lists the last 30 days newest first, one flat item per event with its payload, in one request', async () => {
		const result = await runGetMany(server, { timeRange: 'last30Days', returnAll: true });

		const items = nodeResult(result).items;
		expect(nodeResult(result).error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		const times = items.map((item) => item.effectiveAtUnix as number);
		expect(times).toEqual([...times].sort((a, b) => b - a));
		// Old Pilot was archived 5 days ago: its event names the project and keeps OpenAI's payload.
		const archived = items.find((item) => item.type === 'project.archived');
		expect(archived).toMatchObject({
			projectName: 'Old Pilot',
			resourceId: archived?.projectId,
			payload: { id: archived?.projectId },
			actorType: 'api_key',
		});
		const login = items.find((item) => item.type === 'login.failed');
		expect(login).toMatchObject({ actorType: 'session', actorEmail: expect.stringContaining('@'), actorIpAddress: expect.any(String), payload: { error_code: expect.any(String) } });
		expect(login?.effectiveAt).toBe(new Date((login?.effectiveAtUnix as number) * 1000).toISOString());

		const requests = requestsTo(server, AUDIT_LOGS_PATH);
		expect(requests).toHaveLength(1);
		const today = Date.UTC(2026, 10, 23) / 1000;
		expect(requests[0].query).toMatchObject({ 'effective_at[gte]': String(today - 30 * DAY), 'effective_at[lt]': String(today), limit: '100' });
	});

	it('sends every filter as the contract names it and returns only what matches', async () => {
		const support = server.state.projects.find((project) => project.name === 'Support Bot')!;
		append(server, [
			{ type: 'api_key.created', project_id: support.id, actor_email: 'grace.admin@acme.example', effective_at: clock.seconds() - 3_600 },
			{ type: 'api_key.deleted', project_id: support.id, actor_email: 'grace.admin@acme.example', effective_at: clock.seconds() - 1_800 },
			{ type: 'api_key.created', actor_email: 'linus.dev@acme.example', effective_at: clock.seconds() - 1_700 },
		]);
		const result = await runGetMany(server, {
			timeRange: 'custom',
			startDate: '2026-11-23T00:00:00Z',
			endDate: '2026-11-24T00:00:00Z',
			returnAll: true,
			filters: {
				eventTypes: ['api_key.created', 'api_key.deleted'],
				projectIds: ` ${support.id} `,
				actorEmails: 'grace.admin@acme.example',
			},
		});

		const items = nodeResult(result).items;
		expect(items.map((item) => item.type)).toEqual(['api_key.deleted', 'api_key.created']);
		expect(items.every((item) => item.projectId === support.id && item.actorEmail === 'grace.admin@acme.example')).toBe(true);
		const [request] = requestsTo(server, AUDIT_LOGS_PATH);
		expect(request.query).toMatchObject({
			'event_types[]': ['api_key.created', 'api_key.deleted'],
			'project_ids[]': support.id,
			'actor_emails[]': 'grace.admin@acme.example',
			'effective_at[gte]': String(Date.UTC(2026, 10, 23) / 1000),
		});

		const byResource = await runGetMany(server, {
			timeRange: 'last7Days',
			returnAll: true,
			filters: { resourceIds: String(items[0].resourceId) },
		});
		expect(nodeResult(byResource).items).toHaveLength(0); // today is not in "last 7 days" (whole days before today)
	});

	it('follows the pages with "Return All", and a Limit reads no more than it needs', async () => {
		append(server, Array.from({ length: 230 }, (_, index) => ({ type: 'login.succeeded', effective_at: clock.seconds() - 3 * DAY + index })));

		const all = await runGetMany(server, { timeRange: 'last7Days', returnAll: true, filters: { eventTypes: ['login.succeeded'] } });
		const ids = nodeResult(all).items.map((item) => item.id);
		expect(ids.length).toBeGreaterThanOrEqual(230);
		expect(new Set(ids).size).toBe(ids.length);
		const pages = requestsTo(server, AUDIT_LOGS_PATH);
		expect(pages).toHaveLength(Math.ceil(ids.length / 100));
		expect(pages[1].query.after).toBe(ids[99]);

		server.clearRequests();
		const limited = await runGetMany(server, { timeRange: 'last7Days', limit: 5 });
		expect(nodeResult(limited).items).toHaveLength(5);
		expect(requestsTo(server, AUDIT_LOGS_PATH).map((request) => request.query.limit)).toEqual(['5']);
	});

	it('answers what the contract describes', async () => {
		const response = await fetch(`${server.url}/organization/audit_logs?limit=3`, {
			headers: { authorization: `Bearer ${(await import('../../openai-server')).ADMIN_KEY_ACME}` },
		});
		const body = await response.json();
		expect(response.status).toBe(200);
		expect(validateResponse('GET', '/v1/organization/audit_logs', 200, body)).toEqual([]);
		expect(body.data).toHaveLength(3);
		expect(body.has_more).toBe(true);
		const before = await (
			await fetch(`${server.url}/organization/audit_logs?limit=2&before=${body.data[2].id}`, {
				headers: { authorization: `Bearer ${(await import('../../openai-server')).ADMIN_KEY_ACME}` },
			})
		).json();
		expect(before.data.map((event: { id: string }) => event.id)).toEqual([body.data[0].id, body.data[1].id]);
	});

	it('says that audit logging is off, and how to turn it on, for an organization without it', async () => {
		const result = await runGetMany(server, { timeRange: 'last7Days' }, { credential: { apiKey: ADMIN_KEY_GLOBEX } });

		const error = nodeResult(result).error;
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Audit logging is not enabled for this organization, so OpenAI keeps no audit log to read');
		expect(error?.description).toContain('settings/organization/data-controls/data-retention');
		expect(error?.description).toContain('HTTP status: 403');
		expect(error?.description).toContain('sk-...');
	});

	it('filters by projects picked in "Projects" as by typed Project IDs', async () => {
		const support = server.state.projects.find((project) => project.name === 'Support Bot')!;
		const result = await runGetMany(server, {
			timeRange: 'custom',
			startDate: '2026-11-23T00:00:00Z',
			endDate: '2026-11-24T00:00:00Z',
			returnAll: true,
			filters: { projectList: { project: [{ project: { __rl: true, mode: 'list', value: support.id, cachedResultName: 'Support Bot' } }] } },
		});
		expect(nodeResult(result).items.every((item) => item.projectId === support.id)).toBe(true);
		expect(requestsTo(server, AUDIT_LOGS_PATH)[0].query['project_ids[]']).toBe(support.id);
	});

	it('asks for an Admin key when given a project key', async () => {
		const result = await runGetMany(server, { timeRange: 'last7Days' }, { credential: { apiKey: PROJECT_KEY_ACME } });
		expect(nodeResult(result).error?.message).toMatch(/Admin API key/);
	});

	it.each([
		{ case: 'a project ID that is a name', filters: { projectIds: 'proj_abc, Support Bot' }, message: /^"Project IDs" holds "Support Bot"/ },
		{ case: 'an email without @', filters: { actorEmails: 'grace' }, message: /^"Actor Emails" holds "grace"/ },
		{ case: 'an actor ID with a space', filters: { actorIds: 'user abc' }, message: /^"Actor IDs" holds "user abc"/ },
		{ case: 'an event type from an expression that does not exist', filters: { eventTypes: '={{ ["api_key.made"] }}' }, message: /^"Event Types" holds "api_key.made"/ },
	])('refuses $case before any request', async ({ filters, message }) => {
		const result = await runGetMany(server, { timeRange: 'last7Days', filters });
		expect(nodeResult(result).error?.name).toBe('NodeOperationError');
		expect(nodeResult(result).error?.message).toMatch(message);
		expect(server.requests).toHaveLength(0);
	});

	it('refuses a Limit of 0 and a custom range that ends before it starts, before any request', async () => {
		const zero = await runGetMany(server, { timeRange: 'last7Days', limit: 0 });
		expect(nodeResult(zero).error?.message).toMatch(/^"Limit" must be a whole number of at least 1/);
		const backwards = await runGetMany(server, { timeRange: 'custom', startDate: '2026-11-20', endDate: '2026-11-19' });
		expect(nodeResult(backwards).error?.message).toMatch(/^"End" .* must be later than "Start"/);
		expect(server.requests).toHaveLength(0);
	});
});
