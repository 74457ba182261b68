import type { OpenAiTestServer, SeedProject } from '../../openai-server';
import { USAGE_FILTERS } from '../../../nodes/shared/resources/contractEnums';
import { USAGE_KINDS } from '../../../nodes/shared/resources/usageKinds';
import { OpenAiOrganization } from '../../../nodes/OpenAiOrganization/OpenAiOrganization.node';
import { DAY_SECONDS, FIXED_NOW_MS, fixNodeClock } from '../costs/support';
import { serveTestServer } from '../testServer';
import { expectNoFullKeyIn, nodeResult } from '../workflowHelpers';
import { outputOf, requestsTo, runOrganization } from './support';

const now = FIXED_NOW_MS / 1000;
const ALL_KINDS = USAGE_KINDS.map((kind) => kind.value) as NonNullable<NonNullable<SeedProject['activity']>['usage']>;

/** Two projects that use every kind every day lately, each with a person's key and a service account's key. */
const PROJECTS: SeedProject[] = ['Filter Lab', 'Filter Works'].map((name, index) => ({
	name,
	created_at: now - (200 + index) * DAY_SECONDS,
	activity: {
		usage: ALL_KINDS,
		lastUsedDaysAgo: 0,
		keys: [
			{ lastUsedDaysAgo: 0, name: `${name} person` },
			{ lastUsedDaysAgo: 0, name: `${name} robot`, serviceAccount: true },
		],
	},
}));

const usage = (kind: string, parameters: Record<string, unknown> = {}) => ({
	resource: 'usage',
	operation: 'getAll',
	timeRange: 'last7Days',
	kind,
	...parameters,
});

describe('OpenAI Organization: usage filters, as the contract lists them for each kind', () => {
	let server: OpenAiTestServer;
	fixNodeClock();
	serveTestServer({ projects: PROJECTS, seed: 11, costsDays: 60, now: () => FIXED_NOW_MS }, (started) => (server = started));

	const lab = () => server.state.projects.find((project) => project.name === 'Filter Lab')!;
	const personKey = () => lab().activity.keys.find((key) => key.owner.type === 'user')!;
	const sent = (kind: string) => requestsTo(server, 'GET', `/v1/organization/usage/${kind}`).at(-1)!.query;
	const total = (items: Array<Record<string, unknown>>, field: string) => items.reduce((sum, item) => sum + Number(item[field]), 0);

	it('each kind shows the "Filters" the contract lists for its path, and no other', () => {
		const properties = new OpenAiOrganization().description.properties;
		for (const kind of USAGE_KINDS) {
			const filters = properties.find(
				(property) => property.name === 'filters' && (property.displayOptions?.show?.kind as string[] | undefined)?.includes(kind.value),
			);
			const names = (filters?.options ?? []).map((option) => ('name' in option ? option.name : '')).sort();
			const expected = (USAGE_FILTERS[kind.value] ?? []).map((filter) => filter.name.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase())).sort();
			expect(names).toEqual(expected);
		}
		expect(USAGE_FILTERS.completions.map((filter) => filter.name)).toEqual(['user_ids', 'api_key_ids', 'models', 'batch']);
	});

	it('API Key IDs: only usage made with those keys', async () => {
		const all = await outputOf(server, usage('completions', { groupBy: ['api_key_id'] }));
		const key = personKey().id;
		const items = await outputOf(server, usage('completions', { groupBy: ['api_key_id'], filters: { apiKeyIds: key } }));
		expect(sent('completions')['api_key_ids[]']).toBe(key);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.apiKeyId === key)).toBe(true);
		expect(total(items, 'inputTokens')).toBeLessThan(total(all, 'inputTokens'));
	});

	it('User IDs: only usage of keys those people own (a service account\'s usage has no user)', async () => {
		const user = personKey().owner.id;
		const items = await outputOf(server, usage('embeddings', { groupBy: ['user_id', 'api_key_id'], filters: { userIds: ` ${user} ,` } }));
		expect(sent('embeddings')['user_ids[]']).toBe(user);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.userId === user && item.apiKeyId === personKey().id)).toBe(true);
	});

	it('Models: only usage of those models', async () => {
		const byModel = await outputOf(server, usage('completions', { groupByModel: true }));
		const model = String(byModel[0].model);
		const items = await outputOf(server, usage('completions', { groupByModel: true, filters: { models: model } }));
		expect(sent('completions')['models[]']).toBe(model);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.model === model)).toBe(true);
		expect(await outputOf(server, usage('moderations', { filters: { models: 'gpt-4o' } }))).toEqual([]);
	});

	it('Batch: on counts only Batch API usage, off only the rest; together they are all of it', async () => {
		const all = await outputOf(server, usage('completions'));
		const batch = await outputOf(server, usage('completions', { groupBy: ['batch'], filters: { batch: true } }));
		expect(sent('completions').batch).toBe('true');
		const online = await outputOf(server, usage('completions', { groupBy: ['batch'], filters: { batch: false } }));
		expect(sent('completions').batch).toBe('false');
		expect(batch.length).toBeGreaterThan(0);
		expect(batch.every((item) => item.batch === true) && online.every((item) => item.batch === false)).toBe(true);
		expect(total(batch, 'requests') + total(online, 'requests')).toBe(total(all, 'requests'));
	});

	it('the other filters of the contract: image sizes and sources, web search context levels, vector stores', async () => {
		expect((await outputOf(server, usage('images', { filters: { sizes: ['1024x1024'], sources: ['image.generation'] } }))).length).toBeGreaterThan(0);
		expect(sent('images')).toMatchObject({ 'sizes[]': '1024x1024', 'sources[]': 'image.generation' });
		expect(await outputOf(server, usage('images', { filters: { sizes: ['256x256'] } }))).toEqual([]);
		expect((await outputOf(server, usage('web_search_calls', { filters: { contextLevels: ['medium'] } }))).length).toBeGreaterThan(0);
		expect(await outputOf(server, usage('web_search_calls', { filters: { contextLevels: ['low', 'high'] } }))).toEqual([]);
		expect(sent('web_search_calls')['context_levels[]']).toEqual(['low', 'high']);
		expect((await outputOf(server, usage('file_search_calls', { filters: { vectorStoreIds: 'vs_seeded' } }))).length).toBeGreaterThan(0);
		expect(await outputOf(server, usage('file_search_calls', { filters: { vectorStoreIds: 'vs_other' } }))).toEqual([]);
	});

	it('a value outside the contract\'s list (from an expression) is refused before any request, with the list', async () => {
		const result = await runOrganization(server, usage('images', { filters: { sizes: '={{ ["4096x4096"] }}' } }));
		expect(nodeResult(result).error?.message).toBe('"Image Sizes" holds "4096x4096", which OpenAI does not know');
		expect(nodeResult(result).error?.description).toBe('Pick from: 256x256, 512x512, 1024x1024, 1792x1792, 1024x1792.');
		expect(server.requests).toHaveLength(0);
	});

	it('an API key pasted into "API Key IDs" is refused without repeating it', async () => {
		const pasted = `sk-proj-${'x'.repeat(40)}`;
		const result = await runOrganization(server, usage('completions', { filters: { apiKeyIds: `${personKey().id}, ${pasted}` } }));
		const error = nodeResult(result).error;
		expect(error?.message).toBe('"API Key IDs" holds a value that is not an ID (value 2 of 2)');
		expect(error?.description).toMatch(/Enter IDs like key_abc123/);
		expect(`${error?.message} ${error?.description}`).not.toContain('sk-proj');
		expect(server.requests).toHaveLength(0);
		expectNoFullKeyIn(result);
	});
});
