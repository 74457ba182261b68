import { staleRequestGoal, staleWorldProjects } from '../../../bench/staleWorld';
import { USAGE_KINDS } from '../../openai-server/activity';
import type { OpenAiTestServer, SeedProject } from '../../openai-server';
import {
	DAY_SECONDS,
	FIXED_NOW_MS,
	expectRequestsMatchContract,
	fixNodeClock,
	reportServerOptions,
	runReport,
} from '../costs/support';
import { serveTestServer } from '../testServer';
import { startOpenAiTestServer } from '../../openai-server';

const now = FIXED_NOW_MS / 1000;
const TODAY = Math.floor(now / DAY_SECONDS) * DAY_SECONDS;
const isoDay = (daysAgo: number) => new Date((TODAY - daysAgo * DAY_SECONDS) * 1000).toISOString();
const findStale = { resource: 'project', operation: 'findStale' };
const old = now - 400 * DAY_SECONDS;

/** One project per kind of activity that must keep it off the list, and the idle ones that must be on it. */
const WORLD: SeedProject[] = [
	{ name: 'Spends daily', created_at: old },
	// Covered by free credits: only the usage report of its kind shows that it is used.
	...USAGE_KINDS.map((kind) => ({
		name: `Only ${kind}`,
		created_at: old,
		activity: { usage: [kind], lastUsedDaysAgo: 5, billed: false, keys: [{ lastUsedDaysAgo: 40 }] },
	})),
	{ name: 'Key only', created_at: old, activity: { usage: [], keys: [{ lastUsedDaysAgo: 3, serviceAccount: false }] } },
	{ name: 'Service account key only', created_at: old, activity: { usage: [], keys: [{ lastUsedDaysAgo: null }, { lastUsedDaysAgo: 12, serviceAccount: true }] } },
	{ name: 'Idle since January', created_at: old, activity: { usage: ['completions', 'moderations'], lastUsedDaysAgo: 60 } },
	{ name: 'Never used', created_at: old, activity: { usage: [], keys: [{ lastUsedDaysAgo: null }] } },
	{ name: 'Key used last year', created_at: old, activity: { usage: [], keys: [{ lastUsedDaysAgo: 200 }] } },
	{ name: 'Young and idle', created_at: now - 10 * DAY_SECONDS, activity: { usage: [] } },
	{ name: 'Archived and idle', created_at: old, archived_at: now - 100 * DAY_SECONDS, activity: { usage: [] } },
	{ name: 'default PROJECT', created_at: old, activity: { usage: [] } },
	{ name: 'Legal hold', created_at: old, activity: { usage: [] } },
];

describe('OpenAI Projects: Find Stale', () => {
	let server: OpenAiTestServer;
	fixNodeClock();

	serveTestServer(reportServerOptions(WORLD), (started) => (server = started));

	const idOf = (name: string) => server.state.projects.find((project) => project.name === name)!.id;
	const names = (items: Array<Record<string, unknown>>) => items.map((item) => item.name).sort();
	const STALE = ['Idle since January', 'Key used last year', 'Legal hold', 'Never used'];

	it('lists the idle projects and keeps every kind of activity off the list: costs, each usage kind, user and service-account keys', async () => {
		const items = await runReport(server, findStale);

		expect(names(items)).toEqual(STALE);
		// Longest idle first: those with no activity found, then the oldest last activity.
		expect(items.map((item) => item.name).slice(2)).toEqual(['Key used last year', 'Idle since January']);
		expectRequestsMatchContract(server);
	});

	it('gives each stale project its last activity, how far back was looked, what it cost and used in the window, its age and a reason', async () => {
		const items = await runReport(server, findStale);
		const byName = Object.fromEntries(items.map((item) => [item.name, item]));

		expect(byName['Idle since January']).toEqual(
			expect.objectContaining({
				id: idOf('Idle since January'),
				object: 'organization.project',
				status: 'active',
				lastActivityAt: expect.stringMatching(new RegExp(`^${isoDay(60).slice(0, 10)}T`)),
				lastActivitySource: expect.stringMatching(/^API key "key 1" \(key_\w+\)$/),
				lookedBackTo: isoDay(90),
				lookedBackDays: 90,
				costInWindow: 0,
				requestsInWindow: 0,
				ageDays: 400,
				reason: expect.stringMatching(/^No activity in 30 days; last active 2026-01-17\.$/),
			}),
		);
		// Its key was used during the last day it had usage (exact time), so the key is the latest trace of it.
		expect(byName['Idle since January'].lastActivityAt).toMatch(/^2026-01-17T/);
		expect(byName['Never used']).toEqual(
			expect.objectContaining({
				lastActivityAt: null,
				lastActivitySource: null,
				reason: 'No activity in the 90 days looked at.',
			}),
		);
		expect(byName['Key used last year'].lastActivityAt).toMatch(/^2025-08-3/);
		expect(byName['Key used last year'].lastActivitySource).toMatch(/^API key "key 1" \(key_\w+\)$/);
		// The reason is one short sentence; the evidence stays in the fields above.
		for (const item of items) expect(String(item.reason)).toMatch(/^[^.;]+(; [^.;]+)?\.$/);
		for (const item of items) expect(String(item.reason).length).toBeLessThanOrEqual(60);
		expect(byName['Never used']).not.toHaveProperty('evidence');
	});

	it('with Include Evidence, shows per kind the last day and the amounts in the window and in the range looked at, and every key', async () => {
		const items = await runReport(server, { ...findStale, staleOptions: { includeEvidence: true } });
		const idle = items.find((item) => item.name === 'Idle since January')!;
		const evidence = idle.evidence as Record<string, Record<string, unknown> | Array<Record<string, unknown>>>;

		expect(Object.keys(evidence).sort()).toEqual(['apiKeys', 'costs', ...USAGE_KINDS].sort());
		expect(evidence.completions).toEqual({ lastDay: isoDay(60).slice(0, 10), inWindow: 0, inLookBack: expect.any(Number), unit: 'requests' });
		expect((evidence.completions as Record<string, number>).inLookBack).toBeGreaterThan(0);
		expect(evidence.moderations).toEqual(expect.objectContaining({ lastDay: isoDay(60).slice(0, 10), inWindow: 0 }));
		expect(evidence.costs).toEqual(expect.objectContaining({ lastDay: isoDay(60).slice(0, 10), inWindow: 0, unit: 'usd' }));
		expect(evidence.images).toEqual({ lastDay: null, inWindow: 0, inLookBack: 0, unit: 'requests' });
		expect(evidence.apiKeys).toEqual([{ id: expect.stringMatching(/^key_/), name: 'key 1', owner: 'user', lastUsedAt: expect.any(String) }]);
	});

	it('reads costs and usage by pages for all projects at once, and lists keys only for the projects that still look stale', async () => {
		await runReport(server, findStale);

		const paths = server.requests.map((request) => request.path);
		const keyListings = paths.filter((path) => path.endsWith('/api_keys'));
		expect(keyListings.sort()).toEqual(
			['Key only', 'Service account key only', ...STALE].map((name) => `/v1/organization/projects/${idOf(name)}/api_keys`).sort(),
		);
		// 90 days looked back: 91 day buckets, one page of costs (180) and three of each usage kind (31).
		expect(paths.filter((path) => path === '/v1/organization/costs')).toHaveLength(1);
		for (const kind of USAGE_KINDS) expect(paths.filter((path) => path === `/v1/organization/usage/${kind}`)).toHaveLength(3);
		expect(paths.filter((path) => path === '/v1/organization/projects')).toHaveLength(1);
		for (const request of server.requests.filter((entry) => entry.path.includes('/usage/') || entry.path.endsWith('/costs'))) {
			expect(request.query['group_by[]']).toBe('project_id');
			expect(request.query.start_time).toBe(String(TODAY - 90 * DAY_SECONDS));
		}
	});

	it('Minimum Age, Ignore Projects (names in any case or IDs) and a longer Inactive For change the list', async () => {
		const ignoring = await runReport(server, {
			...findStale,
			staleOptions: { ignoreProjects: `legal HOLD,\n${idOf('Never used')}` },
		});
		expect(names(ignoring)).toEqual(['Idle since January', 'Key used last year']);

		const young = await runReport(server, { ...findStale, staleOptions: { minimumAgeDays: 0 } });
		expect(names(young)).toEqual([...STALE, 'Young and idle'].sort());

		const longer = await runReport(server, { ...findStale, inactiveDays: 70 });
		expect(names(longer)).toEqual(['Key used last year', 'Legal hold', 'Never used']);
	});

	it('Ignore Projects takes projects picked from the organization, beside the names and IDs typed in the text field', async () => {
		const ignoring = await runReport(server, {
			...findStale,
			staleOptions: {
				ignoreProjectList: { project: [{ project: { __rl: true, mode: 'list', value: idOf('Never used'), cachedResultName: 'Never used' } }] },
				ignoreProjects: 'legal HOLD',
			},
		});
		expect(names(ignoring)).toEqual(['Idle since January', 'Key used last year']);
	});

	it('never lists the Default project, nor a project named like it', async () => {
		const items = await runReport(server, { ...findStale, staleOptions: { minimumAgeDays: 0 } });
		expect(items.map((item) => String(item.name).toLowerCase())).not.toContain('default project');
	});

	it.each([
		[{ inactiveDays: 0 }, '"Inactive For (Days)" must be a whole number of days of at least 1, not 0'],
		[{ inactiveDays: 2.5 }, '"Inactive For (Days)" must be a whole number of days of at least 1, not 2.5'],
		[{ staleOptions: { minimumAgeDays: -1 } }, '"Minimum Age (Days)" must be a whole number of days of at least 0, not -1'],
	])('refuses %j before any request', async (parameters, message) => {
		await expect(runReport(server, { ...findStale, ...parameters })).rejects.toThrow(message);
		expect(server.requests).toHaveLength(0);
	});
});

describe('OpenAI Projects: Find Stale on 1,000 projects', () => {
	fixNodeClock();

	it('costs ceil(1000/100) + cost pages + usage pages per kind + key listings for the 100 candidates', async () => {
		const projects = staleWorldProjects(now);
		const server = await startOpenAiTestServer(reportServerOptions(projects));
		try {
			const items = await runReport(server, { resource: 'project', operation: 'findStale', inactiveDays: 90 });

			expect(items).toHaveLength(50);
			// 10 project pages + 1 cost page (91 day buckets, 180 to a page) + 3 pages per usage kind (31) + 100 key listings.
			expect(staleRequestGoal()).toBe(10 + 1 + USAGE_KINDS.length * 3 + 100);
			expect(server.requests).toHaveLength(staleRequestGoal());
			expect(server.requests.filter((request) => request.path.endsWith('/api_keys'))).toHaveLength(100);
		} finally {
			await server.close();
		}
	});
});
