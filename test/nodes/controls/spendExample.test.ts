import { loadWorkflow, runWorkflow } from '../../harness';
import { ADMIN_KEY_ACME, ORG_ACME } from '../../openai-server';
import type { OpenAiTestServer, SeedProject } from '../../openai-server';
import { expectNoFullKeyIn } from '../workflowHelpers';
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

	it('gives every active project one $1,000 alert (100000 cents), and a second run creates no duplicate', async () => {
		const workflow = loadWorkflow('examples/monthly-spend-alert-per-project.json');
		const first = await runWorkflow(workflow, { credentials: credentials() });
		expect(first.error).toBeUndefined();
		expect(first.nodes['Alert at $1,000 a month'].items.map((alert) => [alert.threshold_text, alert.created])).toEqual([
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
		expect(second.nodes['Alert at $1,000 a month'].items.every((alert) => alert.alreadyExisted === true)).toBe(true);
		expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
		expect(alertsByProject()).toEqual(afterFirst);
		expectNoFullKeyIn(first, second);
	});
});
