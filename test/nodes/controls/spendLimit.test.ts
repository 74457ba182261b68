import { DEFAULT_PROJECT_ACME, PROJECT_GLOBEX_ARCHIVED, PROJECT_GLOBEX_RESEARCH } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { expectNoFullKeyIn, nodeResult, runNode } from '../workflowHelpers';
import { serveTestServer } from '../testServer';
import { acmeAdmin, byId, globexAdmin } from './support';

describe('OpenAI Projects: spend limit', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 2 }, (started) => (server = started));

	const run = (operation: string, parameters: Record<string, unknown> = {}, projectId = DEFAULT_PROJECT_ACME) =>
		runNode(server, {
			parameters: { resource: 'spendLimit', operation, projectId: byId(projectId), ...parameters },
			credential: projectId === DEFAULT_PROJECT_ACME ? acmeAdmin : globexAdmin,
		});
	const onServer = () => server.state.projectControls[DEFAULT_PROJECT_ACME]?.spendLimit ?? null;

	it('sets the limit typed in dollars as cents, and puts out both', async () => {
		const result = await run('set', { thresholdUsd: 250 });
		expect(server.requests[0].body).toEqual({ threshold_amount: 25_000, currency: 'USD', interval: 'month' });
		expect(nodeResult(result).items[0]).toEqual({
			project_id: DEFAULT_PROJECT_ACME,
			limitSet: true,
			object: 'project.spend_limit',
			threshold_amount: 25_000,
			threshold_amount_unit: 'cents',
			threshold_usd: 250,
			threshold_text: '$250.00 per month',
			currency: 'USD',
			interval: 'month',
			enforcement: { status: 'enforcing' },
		});
		expect(onServer()).toEqual({ thresholdAmount: 25_000, currency: 'USD', interval: 'month' });
		expectNoFullKeyIn(result);
	});

	it.each([
		[0, '"Threshold (US Dollars)" must be at least $0.01, not $0.00'],
		[0.001, '"Threshold (US Dollars)" has more than two decimals: 0.001'],
	])('refuses %j dollars before any request', async (usd, message) => {
		expect((await run('set', { thresholdUsd: usd })).error?.message).toBe(message);
		expect(server.requests).toHaveLength(0);
	});

	it('gets the limit, or says there is none', async () => {
		expect(nodeResult(await run('get')).items[0]).toEqual(
			expect.objectContaining({ limitSet: false, message: `Project ${DEFAULT_PROJECT_ACME} has no hard spend limit.` }),
		);
		await run('set', { thresholdUsd: 99.99 });
		expect(nodeResult(await run('get')).items[0]).toEqual(expect.objectContaining({ limitSet: true, threshold_amount: 9999, threshold_usd: 99.99 }));
	});

	it('a project that does not exist is an error, not "no limit"', async () => {
		const result = await run('get', {}, 'proj_doesNotExist123');
		expect(result.error?.message).toBe('Project proj_doesNotExist123 was not found in this organization');
	});

	it('removes the limit; Dry Run shows it and keeps it; without a limit nothing is sent', async () => {
		await run('set', { thresholdUsd: 100 });
		const dry = await run('remove', { dryRun: true });
		expect(nodeResult(dry).items[0]).toEqual(expect.objectContaining({ dryRun: true, wouldRemove: true, threshold_usd: 100 }));
		expect(onServer()).not.toBeNull();

		const removed = await run('remove');
		expect(nodeResult(removed).items[0]).toEqual(
			expect.objectContaining({ removed: true, object: 'project.spend_limit.deleted', deleted: true, removedLimit: expect.objectContaining({ threshold_usd: 100 }) }),
		);
		expect(onServer()).toBeNull();

		server.clearRequests();
		const again = await run('remove');
		expect(nodeResult(again).items[0]).toEqual(expect.objectContaining({ removed: false }));
		expect(server.requests.some((request) => request.method === 'DELETE')).toBe(false);
	});

	it('an archived project in the last item stops the run before the first removal', async () => {
		await runNode(server, {
			parameters: { resource: 'spendLimit', operation: 'set', projectId: byId(PROJECT_GLOBEX_RESEARCH), thresholdUsd: 10 },
			credential: globexAdmin,
		});
		const result = await runNode(server, {
			parameters: { resource: 'spendLimit', operation: 'remove', projectId: byId('={{ $json.project }}') },
			credential: globexAdmin,
			inputItems: [{ project: PROJECT_GLOBEX_RESEARCH }, { project: PROJECT_GLOBEX_ARCHIVED }],
		});
		expect(result.error?.message).toBe(`Project ${PROJECT_GLOBEX_ARCHIVED} is archived, and archived projects cannot be changed`);
		expect(server.requests.some((request) => request.method === 'DELETE')).toBe(false);
		expect(server.state.projectControls[PROJECT_GLOBEX_RESEARCH]?.spendLimit).not.toBeNull();
	});
});
