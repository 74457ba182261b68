/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- test code: runs in Node, never inside n8n; reads N8N_REQUIRE_INSTALLED and tells why an example is skipped */
import { isN8nInstalled, loadWorkflow, runWorkflow } from '../../harness';
import { ADMIN_KEY_ACME, ORG_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { validateRecordedRequests } from '../../contract/openapi';
import { expectNoFullKeyIn } from '../workflowHelpers';
import { serveTestServer } from '../testServer';

const DAY = 24 * 60 * 60;
// The report counts and sorts with n8n's own Summarize, Sort and Limit nodes, which only the pinned n8n provides.
const canRunBaseNodes = isN8nInstalled() || process.env.N8N_REQUIRE_INSTALLED !== undefined;
if (!canRunBaseNodes) console.warn('Skipping the weekly project report: the pinned n8n is not installed (run scripts/install-n8n.sh).');

describe('The example workflows for projects', () => {
	let server: OpenAiTestServer;
	const now = Math.floor(Date.now() / 1000);
	const seeded = [
		{ name: 'Marketing Prototype', created_at: now - 400 * DAY },
		{ name: 'Search prototype (staging)', created_at: now - 120 * DAY },
		{ name: 'Support Prototype', created_at: now - 30 * DAY },
		{ name: 'Legal Assistant', created_at: now - 300 * DAY },
		{ name: 'Old Prototype', created_at: now - 500 * DAY, status: 'archived' as const, archived_at: now - 200 * DAY },
		{ name: 'Finance Summarizer', created_at: now - 2 * DAY },
	];
	const credentials = () => ({ oaiAdminKey00001: { apiKey: ADMIN_KEY_ACME, baseUrl: server.url } });

	serveTestServer({ projects: seeded }, (started) => (server = started));

	it('"Archive stale projects" archives only old active prototypes, and a second run changes nothing', async () => {
		const workflow = loadWorkflow('examples/archive-stale-projects.json');
		const first = await runWorkflow(workflow, { credentials: credentials() });
		expect(first.error).toBeUndefined();
		const archived = first.nodes['Archive them'].items;
		expect(archived.map((item) => item.name).sort()).toEqual(['Marketing Prototype', 'Search prototype (staging)']);
		expect(archived.every((item) => item.status === 'archived' && item.alreadyArchived === false)).toBe(true);
		const stillActive = server.state.projects.filter((project) => project.archivedAt === null).map((project) => project.name);
		expect(stillActive).toEqual(expect.arrayContaining(['Support Prototype', 'Legal Assistant', 'Finance Summarizer']));

		server.clearRequests();
		const second = await runWorkflow(workflow, { credentials: credentials() });
		expect(second.error).toBeUndefined();
		expect(second.nodes['Prototypes older than 90 days'].items).toHaveLength(0);
		expect(second.nodes['Archive them']).toBeUndefined();
		expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
		expect(validateRecordedRequests(server.requests)).toEqual([]);
		expectNoFullKeyIn(first);
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
