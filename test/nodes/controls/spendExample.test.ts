import { loadWorkflow, runWorkflow } from '../../harness';
import { ADMIN_KEY_ACME, ORG_ACME } from '../../openai-server';
import type { OpenAiTestServer, SeedProject } from '../../openai-server';
import { expectNoFullKeyIn, goneLive } from '../workflowHelpers';
import { serveTestServer } from '../testServer';

describe('The example "Monthly spend alert per project"', () => {
	let server: OpenAiTestServer;
	const seeded: SeedProject[] = [
		{ name: 'Support Bot' },
		{ name: 'Search staging' },
		{ name: 'Old Prototype', status: 'archived' },
	];
	serveTestServer({ projects: seeded }, (started) => (server = started));
	const credentials = () => ({ oaiAdminKey00001: { apiKey: ADMIN_KEY_ACME, baseUrl: server.url } });
	const alertsByProject = () =>
		server.state.projects
			.filter((project) => project.organizationId === ORG_ACME)
			.map((project) => [project.name, (server.state.projectControls[project.id]?.spendAlerts ?? []).map((alert) => alert.thresholdAmount)]);

	it('ships in Dry Run: its first click creates nothing and says which alert each active project would get', async () => {
		const result = await runWorkflow(loadWorkflow('examples/monthly-spend-alert-per-project.json'), { credentials: credentials() });
		expect(result.error).toBeUndefined();
		const plan = result.nodes['Alert at $1,000 a month (Dry Run)'].items;
		expect(plan).toHaveLength(3);
		for (const item of plan) {
			expect(item).toEqual(expect.objectContaining({ dryRun: true, wouldCreate: true, threshold_text: '$1,000.00 per month' }));
			expect(item.plan).toBe(`Would create a spend alert ($1,000.00 per month, emailing finance@example.com) for project ${String(item.project_id)}`);
		}
		expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
		expect(alertsByProject().every(([, alerts]) => (alerts as number[]).length === 0)).toBe(true);
	});

	it('taken live as its note says, gives every active project one $1,000 alert (100000 cents), and a second run creates no duplicate', async () => {
		const workflow = goneLive(loadWorkflow('examples/monthly-spend-alert-per-project.json'), 'Alert at $1,000 a month (Dry Run)');
		const first = await runWorkflow(workflow, { credentials: credentials() });
		expect(first.error).toBeUndefined();
		expect(first.nodes['Alert at $1,000 a month (Dry Run)'].items.map((alert) => [alert.threshold_text, alert.created])).toEqual([
			['$1,000.00 per month', true],
			['$1,000.00 per month', true],
			['$1,000.00 per month', true],
		]);
		const afterFirst = alertsByProject();
		expect(afterFirst).toEqual(
			expect.arrayContaining([['Default project', [100_000]], ['Support Bot', [100_000]], ['Search staging', [100_000]], ['Old Prototype', []]]),
		);

		server.clearRequests();
		const second = await runWorkflow(workflow, { credentials: credentials() });
		expect(second.error).toBeUndefined();
		expect(second.nodes['Alert at $1,000 a month (Dry Run)'].items.every((alert) => alert.alreadyExisted === true)).toBe(true);
		expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
		expect(alertsByProject()).toEqual(afterFirst);
		expectNoFullKeyIn(first, second);
	});
});
