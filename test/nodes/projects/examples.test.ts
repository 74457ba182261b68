/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- test code: runs in Node, never inside n8n; reads N8N_REQUIRE_INSTALLED and tells why an example is skipped */
import { isN8nInstalled, loadWorkflow, runWorkflow } from '../../harness';
import { ADMIN_KEY_ACME, ORG_ACME, startOpenAiTestServer } from '../../openai-server';
import type { OpenAiTestServer, SeedProject } from '../../openai-server';
import { validateRecordedRequests } from '../../contract/openapi';
import { expectNoFullKeyIn, goneLive } from '../workflowHelpers';
import { serveTestServer } from '../testServer';

const DAY = 24 * 60 * 60;
// The report counts and sorts with n8n's own Summarize, Sort and Limit nodes, which only the pinned n8n provides.
const canRunBaseNodes = isN8nInstalled() || process.env.N8N_REQUIRE_INSTALLED !== undefined;
if (!canRunBaseNodes) console.warn('Skipping the weekly project report: the pinned n8n is not installed (run scripts/install-n8n.sh).');

describe('The example workflows for projects', () => {
	let server: OpenAiTestServer;
	const now = Math.floor(Date.now() / 1000);
	const seeded: SeedProject[] = [
		{ name: 'Marketing Prototype', created_at: now - 400 * DAY },
		{ name: 'Forgotten experiment', created_at: now - 300 * DAY, activity: { usage: ['completions'], lastUsedDaysAgo: 90 } },
		{ name: 'Search staging', created_at: now - 120 * DAY, activity: { usage: ['moderations'], lastUsedDaysAgo: 4 } },
		{ name: 'Legal Assistant', created_at: now - 300 * DAY, activity: { usage: [], keys: [{ lastUsedDaysAgo: 10 }] } },
		{ name: 'Never used sandbox', created_at: now - 200 * DAY, activity: { usage: [], keys: [{ lastUsedDaysAgo: null }] } },
		{ name: 'Old Prototype', created_at: now - 500 * DAY, status: 'archived' as const, archived_at: now - 200 * DAY },
		{ name: 'Finance Summarizer', created_at: now - 2 * DAY, activity: { usage: [] } },
	];
	const credentials = () => ({ oaiAdminKey00001: { apiKey: ADMIN_KEY_ACME, baseUrl: server.url } });

	serveTestServer({ projects: seeded, costsDays: 120 }, (started) => (server = started));

	const activeNames = (target: OpenAiTestServer) =>
		target.state.projects.filter((project) => project.archivedAt === null).map((project) => project.name);

	(canRunBaseNodes ? it : it.skip)('"Archive stale projects" ships in Dry Run: its first click archives nothing and puts out a plan, what and why', async () => {
		const result = await runWorkflow(loadWorkflow('examples/archive-stale-projects.json'), { credentials: credentials() });
		expect(result.error).toBeUndefined();
		const plan = result.nodes['Archive them (Dry Run)'].items;
		const forgotten = server.state.projects.find((project) => project.name === 'Forgotten experiment');
		expect(plan.map((item) => item.plan).sort()).toEqual([
			`Would archive project "Forgotten experiment" (${forgotten?.id}): no activity in the last 60 days (last: ${new Date((now - 90 * DAY) * 1000).toISOString().slice(0, 10)})`,
			expect.stringMatching(/^Would archive project "Never used sandbox" \(proj_\w+\): no activity in the last 60 days$/),
		]);
		expect(plan.every((item) => item.dryRun === true && item.wouldArchive === true && item.status === 'active')).toBe(true);
		expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
	});

	(canRunBaseNodes ? it : it.skip)('"Archive stale projects", taken live as its note says, archives only projects idle for 60 days, whatever their name, and a second run changes nothing', async () => {
		const workflow = goneLive(loadWorkflow('examples/archive-stale-projects.json'), 'Archive them (Dry Run)');
		const first = await runWorkflow(workflow, { credentials: credentials() });
		expect(first.error).toBeUndefined();
		const archived = first.nodes['Archive them (Dry Run)'].items;
		expect(archived.map((item) => item.name).sort()).toEqual(['Forgotten experiment', 'Never used sandbox']);
		expect(archived.every((item) => item.status === 'archived' && item.alreadyArchived === false)).toBe(true);
		expect(activeNames(server)).toEqual(
			expect.arrayContaining(['Marketing Prototype', 'Search staging', 'Legal Assistant', 'Finance Summarizer']),
		);

		server.clearRequests();
		const second = await runWorkflow(workflow, { credentials: credentials() });
		expect(second.error).toBeUndefined();
		expect(second.nodes['Stale for 60 days'].items).toHaveLength(0);
		expect(second.nodes['Archive them (Dry Run)']).toBeUndefined();
		expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
		expect(validateRecordedRequests(server.requests)).toEqual([]);
		expectNoFullKeyIn(first);
	});

	(canRunBaseNodes ? it : it.skip)('"Archive stale projects", taken live, archives at most 20 a day, the longest idle first', async () => {
		const idle: SeedProject[] = Array.from({ length: 25 }, (_, index) => ({
			name: `Idle ${String(index).padStart(2, '0')}`,
			created_at: now - 400 * DAY,
			activity: { usage: ['completions'], lastUsedDaysAgo: 61 + index },
		}));
		const many = await startOpenAiTestServer({ projects: idle, costsDays: 120 });
		try {
			const workflow = goneLive(loadWorkflow('examples/archive-stale-projects.json'), 'Archive them (Dry Run)');
			const manyCredentials = { oaiAdminKey00001: { apiKey: ADMIN_KEY_ACME, baseUrl: many.url } };
			const first = await runWorkflow(workflow, { credentials: manyCredentials });
			expect(first.error).toBeUndefined();
			expect(first.nodes['Stale for 60 days'].items).toHaveLength(25);
			expect(first.nodes['Archive them (Dry Run)'].items.map((item) => item.name)).toEqual(
				Array.from({ length: 20 }, (_, index) => `Idle ${String(24 - index).padStart(2, '0')}`),
			);
			const second = await runWorkflow(workflow, { credentials: manyCredentials });
			expect(second.nodes['Archive them (Dry Run)'].items.map((item) => item.name)).toEqual(['Idle 04', 'Idle 03', 'Idle 02', 'Idle 01', 'Idle 00']);
		} finally {
			await many.close();
		}
	});

	(canRunBaseNodes ? it : it.skip)('"Stale project report" puts the candidates with their last activity in a table, and archives nothing', async () => {
		const result = await runWorkflow(loadWorkflow('examples/stale-project-report.json'), { credentials: credentials() });
		expect(result.error).toBeUndefined();
		const rows = result.nodes['Columns to review'].items;
		expect(rows.map((row) => row.Project)).toEqual(['Never used sandbox', 'Forgotten experiment']);
		expect(rows[1]['Last activity']).toMatch(/^\d{4}-\d{2}-\d{2} \(API key "key 1" \(key_\w+\)\)$/);
		expect(rows[0]['Last activity']).toMatch(/^none since \d{4}-\d{2}-\d{2}$/);
		expect(Object.keys(rows[0])).toEqual(['Project', 'ID', 'Last activity', 'Age (days)', 'Why']);
		const [table] = result.nodes['Table for review'].items;
		expect(String(table.table)).toContain('>Forgotten experiment</td>');
		expect(String(table.table)).toContain('Stale OpenAI projects');
		expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
		expect(validateRecordedRequests(server.requests)).toEqual([]);
	});

	(canRunBaseNodes ? it : it.skip)('"Weekly project report" counts projects per status and lists the 5 newest', async () => {
		const result = await runWorkflow(loadWorkflow('examples/weekly-project-report.json'), { credentials: credentials() });
		expect(result.error).toBeUndefined();
		const acme = server.state.projects.filter((project) => project.organizationId === ORG_ACME);

		const counts = Object.fromEntries(
			result.nodes['Count per status'].items.map((item) => [item.status, item.count_id]),
		);
		expect(counts).toEqual({
			active: acme.filter((project) => project.archivedAt === null).length,
			archived: acme.filter((project) => project.archivedAt !== null).length,
		});

		const newest = result.nodes['5 newest projects'].items.map((item) => item.name);
		const expected = [...acme].sort((a, b) => b.createdAt - a.createdAt).slice(0, 5).map((project) => project.name);
		expect(newest).toEqual(expected);
		expect(newest[0]).toBe('Finance Summarizer');
		expect(server.requests.every((request) => request.query.include_archived === 'true')).toBe(true);
	});
});
