import type { OpenAiTestServer, SeedProject } from '../../openai-server';
import { USAGE_KINDS } from '../../../nodes/shared/resources/usageKinds';
import { DAY_SECONDS, FIXED_NOW_MS, fixNodeClock } from '../costs/support';
import { serveTestServer } from '../testServer';
import { nodeResult, runNode } from '../workflowHelpers';
import { admin, outputOf, requestsTo, runOrganization } from './support';

const now = FIXED_NOW_MS / 1000;
const ALL_KINDS = USAGE_KINDS.map((kind) => kind.value) as NonNullable<NonNullable<SeedProject['activity']>['usage']>;

/** One project that uses every kind every day lately, with two named keys; one that only chats. */
const PROJECTS: SeedProject[] = [
	{
		name: 'Everything Lab',
		created_at: now - 200 * DAY_SECONDS,
		activity: { usage: ALL_KINDS, lastUsedDaysAgo: 0, keys: [{ lastUsedDaysAgo: 0, name: 'lab-prod' }, { lastUsedDaysAgo: 0, name: 'lab-batch' }] },
	},
	{ name: 'Chat Only', created_at: now - 100 * DAY_SECONDS, activity: { usage: ['completions'], lastUsedDaysAgo: 0 } },
];

const usage = (parameters: Record<string, unknown>) => ({ resource: 'usage', operation: 'getAll', timeRange: 'last7Days', ...parameters });

describe('OpenAI Organization: Usage of every kind, and Costs by line item and API key', () => {
	let server: OpenAiTestServer;
	fixNodeClock();
	serveTestServer({ projects: PROJECTS, seed: 5, costsDays: 60, now: () => FIXED_NOW_MS }, (started) => (server = started));

	const lab = () => server.state.projects.find((project) => project.name === 'Everything Lab')!;

	it.each(USAGE_KINDS.map((kind) => [kind.value, kind]))('%s: the kind\'s path, one item per day and project with its counted fields', async (value, kind) => {
		const items = await outputOf(server, usage({ kind: value }));
		const requests = requestsTo(server, 'GET', `/v1/organization/usage/${value}`);
		expect(requests).toHaveLength(1);
		expect(requests[0].query).toMatchObject({ bucket_width: '1d', limit: '31', 'group_by[]': 'project_id' });
		const labItems = items.filter((item) => item.projectId === lab().id);
		expect(labItems.length).toBeGreaterThan(0);
		for (const item of labItems) {
			expect(item.projectName).toBe('Everything Lab');
			expect(Object.keys(item).sort()).toEqual(['date', 'endTime', 'projectId', 'projectName', 'startTime', ...Object.values(kind.figures)].sort());
		}
		expect(labItems.some((item) => Object.values(kind.figures).some((field) => Number(item[field]) > 0))).toBe(true);
	});

	it('a workflow saved before "Kind" existed still reads completions, with the same fields', async () => {
		const result = await runNode(server, { parameters: { resource: 'usage', operation: 'getAll', timeRange: 'last7Days', groupByModel: true }, credential: admin });
		const items = nodeResult(result).items;
		expect(requestsTo(server, 'GET', '/v1/organization/usage/completions')).toHaveLength(1);
		expect(Object.keys(items[0])).toEqual(['date', 'startTime', 'endTime', 'projectId', 'projectName', 'inputTokens', 'outputTokens', 'inputCachedTokens', 'requests', 'model']);
	});

	it('groups by the fields the contract allows for the kind, each put out as an item field', async () => {
		const items = await outputOf(server, usage({ kind: 'images', groupByModel: true, groupBy: ['size', 'source', 'api_key_id'] }));
		const [request] = requestsTo(server, 'GET', '/v1/organization/usage/images');
		expect(request.query['group_by[]']).toEqual(['project_id', 'model', 'size', 'source', 'api_key_id']);
		expect(items[0]).toMatchObject({ model: 'gpt-image-1', size: '1024x1024', source: 'image.generation' });
		expect(items[0]).toHaveProperty('apiKeyId');

		await outputOf(server, usage({ kind: 'web_search_calls', groupBy: ['context_level'] }));
		expect(requestsTo(server, 'GET', '/v1/organization/usage/web_search_calls')[0].query['group_by[]']).toEqual(['project_id', 'context_level']);
	});

	it('a field the kind cannot be grouped by (given by an expression) is refused before any request', async () => {
		const result = await runOrganization(server, usage({ kind: 'embeddings', groupBy: '={{ ["size"] }}' }));
		expect(nodeResult(result).error?.message).toBe('"Also Group By" holds "size", which embeddings usage cannot be grouped by');
		const vector = await runOrganization(server, usage({ kind: 'vector_stores', groupByModel: true }));
		// Vector stores have no model: "Split by Model" does not apply (and is not shown) for them.
		expect(nodeResult(vector).error).toBeUndefined();
		expect(requestsTo(server, 'GET', '/v1/organization/usage/vector_stores')[0].query['group_by[]']).toBe('project_id');
		expect(requestsTo(server, 'GET', '/v1/organization/usage/embeddings')).toEqual([]);
	});

	it('each bucket width is checked against its limit before sending: 1440 minutes, 168 hours; days follow pages of 31', async () => {
		const day = new Date(FIXED_NOW_MS - DAY_SECONDS * 1000).toISOString().slice(0, 10);
		const minutes = await outputOf(server, usage({ kind: 'moderations', bucketWidth: 'minute', timeRange: 'custom', startDate: `${day}T10:00:00Z`, endDate: `${day}T10:30:00Z` }));
		const [minuteRequest] = requestsTo(server, 'GET', '/v1/organization/usage/moderations');
		expect(minuteRequest.query).toMatchObject({ bucket_width: '1m', limit: '1440' });
		expect(Number(minuteRequest.query.end_time) - Number(minuteRequest.query.start_time)).toBe(30 * 60);
		expect(minutes.every((item) => item.hour === 10 && typeof item.minute === 'number')).toBe(true);

		const today = new Date(FIXED_NOW_MS).toISOString().slice(0, 10);
		const tooManyMinutes = await runOrganization(server, usage({ kind: 'moderations', bucketWidth: 'minute', timeRange: 'custom', startDate: `${day}T00:00:00Z`, endDate: `${today}T00:01:00Z` }));
		expect(nodeResult(tooManyMinutes).error?.message).toBe('The time range covers 1441 minutes, more than OpenAI serves for usage by the minute (1440 minutes)');
		const tooManyHours = await runOrganization(server, usage({ kind: 'images', bucketWidth: 'hour', timeRange: 'last30Days' }));
		expect(nodeResult(tooManyHours).error?.message).toContain('more than OpenAI serves for hourly usage (168 hours)');
		expect(requestsTo(server, 'GET', /usage\/images/)).toEqual([]);

		await outputOf(server, usage({ kind: 'audio_speeches', timeRange: 'custom', startDate: '2026-01-18', endDate: '2026-03-18' }));
		const pages = requestsTo(server, 'GET', '/v1/organization/usage/audio_speeches');
		expect(pages.length).toBe(2);
		expect(pages[1].query.page).toBeDefined();
	});

	describe('Costs', () => {
		const costs = { resource: 'cost', operation: 'getAll', timeRange: 'last7Days' };

		it('by API key: one item per key with its name, read from the key lists of the billed projects only', async () => {
			const items = await outputOf(server, { ...costs, groupByApiKey: true, groupByLineItem: true });
			const [request] = requestsTo(server, 'GET', '/v1/organization/costs');
			expect(request.query['group_by[]']).toEqual(['project_id', 'line_item', 'api_key_id']);
			const labItems = items.filter((item) => item.projectId === lab().id);
			expect(new Set(labItems.map((item) => item.apiKeyName))).toEqual(new Set(['lab-prod', 'lab-batch']));
			expect(labItems.every((item) => typeof item.apiKeyId === 'string' && typeof item.lineItem === 'string')).toBe(true);
			const keyLists = requestsTo(server, 'GET', /\/api_keys$/);
			const billed = new Set(items.filter((item) => item.apiKeyId).map((item) => item.projectId));
			expect(keyLists.map((list) => list.path.split('/')[4]).sort()).toEqual([...billed].sort());
		});

		it('"Name API Keys" off reads no key list; two items read each key list once', async () => {
			const unnamed = await outputOf(server, { ...costs, groupByApiKey: true, nameApiKeys: false });
			expect(unnamed.some((item) => typeof item.apiKeyId === 'string')).toBe(true);
			expect(unnamed.every((item) => item.apiKeyName === null)).toBe(true);
			expect(requestsTo(server, 'GET', /\/api_keys$/)).toEqual([]);

			server.reset();
			const twice = await outputOf(server, { ...costs, groupByApiKey: true }, { inputItems: [{}, {}] });
			expect(twice.filter((item) => item.apiKeyName === 'lab-prod').length).toBeGreaterThan(0);
			const lists = requestsTo(server, 'GET', /\/api_keys$/).map((request) => request.path);
			expect(lists.length).toBeGreaterThan(0);
			expect(new Set(lists).size).toBe(lists.length);
		});

		it('without the new options the costs come as before: one item per day and project', async () => {
			const items = await outputOf(server, costs);
			expect(requestsTo(server, 'GET', '/v1/organization/costs')[0].query['group_by[]']).toBe('project_id');
			expect(Object.keys(items[0]).sort()).toEqual(['amount', 'currency', 'date', 'endTime', 'projectId', 'projectName', 'startTime']);
			expect(requestsTo(server, 'GET', /\/api_keys$/)).toEqual([]);
		});
	});
});
