/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { ADMIN_KEY_ACME, startOpenAiTestServer, type OpenAiTestServer, type SeedProject } from '..';
import { USAGE_KINDS } from '../activity';
import { call, expectError } from './client';

const DAY = 86_400;
const NOW = Date.UTC(2026, 10, 1, 12);
const TODAY = Date.UTC(2026, 10, 1) / 1000;
const now = NOW / 1000;

type Result = Record<string, unknown> & { project_id?: string | null; amount?: { value: number } };
type Bucket = { start_time: number; end_time: number; results: Result[] };

/** One project per history a stale-project search has to tell apart. */
const SEEDED: SeedProject[] = [
	{ name: 'Spends daily', created_at: now - 400 * DAY, activity: { usage: ['completions', 'embeddings'] } },
	{ name: 'Free moderations only', created_at: now - 300 * DAY, activity: { usage: ['moderations'], lastUsedDaysAgo: 3 } },
	{ name: 'Key only', created_at: now - 200 * DAY, activity: { usage: [], keys: [{ lastUsedDaysAgo: 2 }, { lastUsedDaysAgo: null }] } },
	{ name: 'Idle since spring', created_at: now - 500 * DAY, activity: { usage: ['completions'], lastUsedDaysAgo: 60 } },
	{ name: 'Never used', created_at: now - 100 * DAY, activity: { usage: [], keys: [{ lastUsedDaysAgo: null }] } },
	...USAGE_KINDS.map((kind) => ({
		name: `Only ${kind}`,
		created_at: now - 90 * DAY,
		activity: { usage: [kind], lastUsedDaysAgo: 1 },
	})),
	{ name: 'Used on free credits', created_at: now - 60 * DAY, activity: { usage: ['embeddings'], billed: false } },
	{
		name: 'Archived after use',
		created_at: now - 300 * DAY,
		archived_at: now - 20 * DAY,
		activity: { usage: ['completions', 'moderations'] },
	},
];

let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer({ projects: SEEDED, costsDays: 90, now: () => NOW });
});
afterAll(() => server.close());

const idOf = (name: string) => server.state.projects.find((project) => project.name === name)!.id;
const report = (kind: string, query: Record<string, string | string[]>) =>
	call(server, 'GET', `/organization/${kind === 'costs' ? 'costs' : `usage/${kind}`}`, {
		key: ADMIN_KEY_ACME,
		query,
	});

/** Every bucket from `daysBack` days ago to today, following next_page. */
async function allBuckets(kind: string, daysBack: number, limit: string): Promise<Bucket[]> {
	const buckets: Bucket[] = [];
	let page: string | undefined;
	for (let request = 0; request < 20; request++) {
		const { body } = await report(kind, {
			start_time: String(TODAY - daysBack * DAY),
			end_time: String(TODAY + DAY),
			limit,
			'group_by[]': 'project_id',
			...(page ? { page } : {}),
		});
		buckets.push(...body.data);
		if (!body.has_more) return buckets;
		page = body.next_page;
	}
	throw new Error('no end');
}

const daysOf = (buckets: Bucket[], projectId: string) =>
	buckets.filter((bucket) => bucket.results.some((result) => result.project_id === projectId)).map((bucket) => bucket.start_time);

describe('usage of every kind, grouped by project', () => {
	test.each(USAGE_KINDS)('%s: contract-valid pages of at most 31 days, the project that uses it on its last day', async (kind) => {
		const buckets = await allBuckets(kind, 40, '31');
		expect(buckets).toHaveLength(41);
		const days = daysOf(buckets, idOf(`Only ${kind}`));
		expect(Math.max(...days)).toBe(TODAY - DAY);
		const others = new Set(buckets.flatMap((bucket) => bucket.results.map((result) => result.project_id)));
		expect(others.has(idOf('Key only'))).toBe(false);
		expect(others.has(idOf('Never used'))).toBe(false);
		expect(others.has(idOf('Idle since spring'))).toBe(false);
	});

	test('31 daily buckets is the largest page', async () => {
		expectError(await report('moderations', { start_time: String(TODAY - 40 * DAY), limit: '32' }), 400, 'integer_above_max_value');
	});

	test('24 hourly buckets add up to the day, and a stored level (vector store bytes) stays the level', async () => {
		const day = { start_time: String(TODAY - DAY), 'group_by[]': 'project_id', limit: '1' };
		const hours = { ...day, bucket_width: '1h', limit: '24' };
		const sum = (buckets: Bucket[], field: string) =>
			buckets.flatMap((bucket) => bucket.results).reduce((total, result) => total + Number(result[field]), 0);
		const embeddingsDay = (await report('embeddings', day)).body.data;
		const embeddingsHours = (await report('embeddings', hours)).body.data;
		expect(sum(embeddingsHours, 'input_tokens')).toBe(sum(embeddingsDay, 'input_tokens'));
		const storedDay = (await report('vector_stores', day)).body.data[0].results[0].usage_bytes;
		const storedHours = (await report('vector_stores', hours)).body.data.map((bucket: Bucket) => bucket.results[0]?.usage_bytes);
		expect(storedHours.every((bytes: unknown) => bytes === storedDay)).toBe(true);
	});

	test('a project archived 20 days ago has no usage after its archive day', async () => {
		const buckets = await allBuckets('completions', 40, '31');
		expect(Math.max(...daysOf(buckets, idOf('Archived after use')))).toBe(TODAY - 20 * DAY);
	});
});

describe('costs tell the same story as the usage', () => {
	test('every paid kind is billed on exactly the days it was used; moderations are free', async () => {
		const costs = await allBuckets('costs', 40, '180');
		for (const kind of USAGE_KINDS) {
			const projectId = idOf(`Only ${kind}`);
			const used = daysOf(await allBuckets(kind, 40, '31'), projectId);
			expect(used.length).toBeGreaterThan(0);
			expect(daysOf(costs, projectId)).toEqual(kind === 'moderations' ? [] : used);
		}
		expect(daysOf(costs, idOf('Free moderations only'))).toEqual([]);
		expect(daysOf(costs, idOf('Key only'))).toEqual([]);
		expect(daysOf(costs, idOf('Used on free credits'))).toEqual([]);
		expect(daysOf(await allBuckets('embeddings', 40, '31'), idOf('Used on free credits')).length).toBeGreaterThan(0);
		expect(Math.max(...daysOf(costs, idOf('Spends daily')))).toBe(TODAY);
		const amounts = costs.flatMap((bucket) => bucket.results).map((result) => result.amount!.value);
		expect(amounts.every((value) => value > 0)).toBe(true);
	});
});

describe('project API keys and service accounts', () => {
	const keysOf = async (name: string, query: Record<string, string> = {}) =>
		(await call(server, 'GET', `/organization/projects/${idOf(name)}/api_keys`, { key: ADMIN_KEY_ACME, query })).body;

	test('keys carry last_used_at: the day of the last usage, a recent day for a key-only project, null for never', async () => {
		const spender = await keysOf('Spends daily');
		expect(spender.data).toHaveLength(1);
		expect(spender.data[0].last_used_at).toBeGreaterThanOrEqual(TODAY);
		expect(spender.data[0].last_used_at).toBeLessThanOrEqual(now);

		const keyOnly = await keysOf('Key only', { owner_project_access: 'any' });
		expect(keyOnly.data.map((key: { last_used_at: number | null }) => key.last_used_at === null)).toEqual([false, true]);
		expect(keyOnly.data[0].last_used_at).toBeGreaterThanOrEqual(TODAY - 2 * DAY);
		expect(keyOnly.data[0].last_used_at).toBeLessThan(TODAY - DAY);
		expect(keyOnly.data[1].owner.type).toBe('service_account');

		const idle = await keysOf('Idle since spring');
		expect(idle.data[0].last_used_at).toBeGreaterThanOrEqual(TODAY - 60 * DAY);
		expect(idle.data[0].last_used_at).toBeLessThan(TODAY - 59 * DAY);
		expect((await keysOf('Never used')).data[0].last_used_at).toBeNull();
	});

	test('the key list pages by limit and after, and a key can be read by id', async () => {
		const first = await keysOf('Key only', { limit: '1' });
		expect(first.has_more).toBe(true);
		const second = await keysOf('Key only', { limit: '1', after: first.last_id });
		expect(second.has_more).toBe(false);
		expect(second.data[0].id).not.toBe(first.data[0].id);
		const one = await call(server, 'GET', `/organization/projects/${idOf('Key only')}/api_keys/${first.last_id}`, { key: ADMIN_KEY_ACME });
		expect(one.body).toEqual(first.data[0]);
		// Only keys whose owner is no longer in the project (here: left the organization) have an inactive owner.
		const members = new Set(server.state.projectUsers.map((member) => `${member.projectId} ${member.userId}`));
		const inactive = (await keysOf('Key only', { owner_project_access: 'inactive' })).data;
		for (const key of inactive) expect(members.has(`${idOf('Key only')} ${key.owner.user?.id}`)).toBe(false);
	});

	test('service accounts are listed per project, without last_used_at (the contract has none; their keys carry it)', async () => {
		const { body } = await call(server, 'GET', `/organization/projects/${idOf('Key only')}/service_accounts`, { key: ADMIN_KEY_ACME });
		expect(body.data).toHaveLength(1);
		expect(body.data[0]).toEqual(expect.objectContaining({ object: 'organization.project.service_account', role: 'member' }));
		expect(body.data[0]).not.toHaveProperty('last_used_at');
		const archived = await call(server, 'GET', `/organization/projects/${idOf('Archived after use')}/service_accounts`, { key: ADMIN_KEY_ACME });
		expectError(archived, 400, 'project_archived');
	});

	test('a project created through the API has no keys and no usage', async () => {
		const created = await call(server, 'POST', '/organization/projects', { key: ADMIN_KEY_ACME, body: { name: 'Brand new' } });
		const keys = await call(server, 'GET', `/organization/projects/${created.body.id}/api_keys`, { key: ADMIN_KEY_ACME });
		expect(keys.body.data).toEqual([]);
		server.reset();
	});
});

test('the generated world mixes spenders, free-only, key-only and idle projects', async () => {
	const generated = await startOpenAiTestServer({ projects: 400, costsDays: 90, now: () => NOW });
	try {
		const plans = generated.state.projects.map((project) => project.activity);
		const recent = (day: number | null) => day !== null && day >= TODAY - 30 * DAY;
		const spending = plans.filter((plan) => plan.billed && plan.usage.includes('completions') && recent(plan.lastUsageDay));
		const freeOnly = plans.filter((plan) => plan.usage.join() === 'moderations' && recent(plan.lastUsageDay) && plan.billed);
		const singleKindOnCredits = plans.filter((plan) => !plan.billed);
		expect(new Set(singleKindOnCredits.map((plan) => plan.usage.join()))).toEqual(new Set(USAGE_KINDS));
		const keyOnly = plans.filter((plan) => plan.billed && plan.usage.length === 0 && plan.keys.some((key) => key.lastUsedAt !== null && key.lastUsedAt >= TODAY - 30 * DAY));
		const idle = plans.filter((plan) => plan.billed && !recent(plan.lastUsageDay) && plan.keys.every((key) => key.lastUsedAt === null || key.lastUsedAt < TODAY - 30 * DAY));
		expect([spending, freeOnly, keyOnly, idle].map((group) => group.length > 5)).toEqual([true, true, true, true]);
		expect(spending.length + freeOnly.length + singleKindOnCredits.length + keyOnly.length + idle.length).toBe(plans.length);
	} finally {
		await generated.close();
	}
});
