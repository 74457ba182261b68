import { searchSpendAlerts } from '../../../nodes/OpenAiOrganization/methods/listSearch';
import { ADMIN_KEY_ACME, DEFAULT_PROJECT_ACME, ORG_ACME } from '../../openai-server';
import { pickerContext } from '../pickerContext';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { expectNoFullKeyIn, nodeResult, runNode } from '../workflowHelpers';
import { admin, byIdFromInput, outputOf, requestsTo, runOrganization } from './support';

const ALERTS = '/v1/organization/spend_alerts';
const LIMIT = '/v1/organization/spend_limit';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('OpenAI Organization: the organization\'s spend alerts and hard spend limit', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 2 }, (started) => (server = started));

	const alertsOnServer = () => server.state.organizationControls[ORG_ACME]?.spendAlerts ?? [];
	const acmeControls = () => server.state.organizationControls[ORG_ACME];
	const createAlert = (parameters: Record<string, unknown> = {}) =>
		runOrganization(server, { resource: 'spendAlert', operation: 'create', thresholdUsd: 5000, recipients: 'cfo@example.com', ...parameters });

	describe('spend alerts', () => {
		it('creates an alert for the whole organization from dollars, sent as cents, and never under a project', async () => {
			const result = await createAlert({ options: { subjectPrefix: 'Org spend' } });
			expect(nodeResult(result).error).toBeUndefined();
			const [request] = requestsTo(server, 'POST', ALERTS);
			expect(request.body).toEqual({
				threshold_amount: 500_000,
				currency: 'USD',
				interval: 'month',
				notification_channel: { type: 'email', recipients: ['cfo@example.com'], subject_prefix: 'Org spend' },
			});
			expect(nodeResult(result).items[0]).toEqual(
				expect.objectContaining({ object: 'organization.spend_alert', threshold_usd: 5000, threshold_text: '$5,000.00 per month', created: true }),
			);
			expect(nodeResult(result).items[0]).not.toHaveProperty('project_id');
			expect(server.state.projectControls[DEFAULT_PROJECT_ACME]?.spendAlerts ?? []).toHaveLength(0);
			expectNoFullKeyIn(result);
		});

		it('a create whose answer is lost is not sent twice: the alert is found and returned', async () => {
			server.faults.add({ kind: 'reset_after', method: 'POST', path: ALERTS });
			const result = await createAlert();
			expect(nodeResult(result).error).toBeUndefined();
			expect(nodeResult(result).items[0]).toEqual(expect.objectContaining({ recoveredAfterLostResponse: true, threshold_amount: 500_000 }));
			expect(requestsTo(server, 'POST', ALERTS)).toHaveLength(1);
			expect(alertsOnServer()).toHaveLength(1);
		});

		it('Dry Run of a create shows the plan and creates nothing; "Skip if…" returns the alert already there', async () => {
			const dry = await createAlert({ options: { dryRun: true } });
			expect(nodeResult(dry).items[0]).toEqual(
				expect.objectContaining({ dryRun: true, wouldCreate: true, plan: 'Would create a spend alert ($5,000.00 per month, emailing cfo@example.com) for the organization' }),
			);
			expect(alertsOnServer()).toHaveLength(0);
			await createAlert();
			const again = await createAlert({ options: { skipIfExists: true } });
			expect(nodeResult(again).items[0]).toEqual(expect.objectContaining({ created: false, alreadyExisted: true }));
			expect(alertsOnServer()).toHaveLength(1);
		});

		it('lists, gets and updates the organization\'s alerts; a missing one is named', async () => {
			for (const usd of [100, 200, 300]) await createAlert({ thresholdUsd: usd });
			const listed = await outputOf(server, { resource: 'spendAlert', operation: 'getAll', returnAll: true });
			expect(listed.map((alert) => alert.threshold_usd)).toEqual([100, 200, 300]);
			expect(await outputOf(server, { resource: 'spendAlert', operation: 'getAll', limit: 2 })).toHaveLength(2);
			const alertId = String(listed[1].id);
			const got = await outputOf(server, { resource: 'spendAlert', operation: 'get', alertId: byId(alertId) });
			expect(got[0]).toEqual(expect.objectContaining({ id: alertId, threshold_usd: 200 }));
			server.clearRequests();
			const updated = await outputOf(server, { resource: 'spendAlert', operation: 'update', alertId: byId(alertId), updateFields: { recipients: 'ops@example.com' } });
			expect(requestsTo(server, 'POST', `${ALERTS}/${alertId}`)[0].body).toEqual({
				threshold_amount: 20_000,
				currency: 'USD',
				interval: 'month',
				notification_channel: { type: 'email', recipients: ['ops@example.com'] },
			});
			expect(updated[0]).toEqual(expect.objectContaining({ threshold_usd: 200, notification_channel: expect.objectContaining({ recipients: ['ops@example.com'] }) }));
			const missing = await runOrganization(server, { resource: 'spendAlert', operation: 'get', alertId: byId('alert_gone') });
			expect(nodeResult(missing).error?.message).toBe('Spend alert alert_gone of the organization was not found in this organization');
		});

		it('the "Spend Alert" picker lists the organization\'s alerts by amount and recipients, and finds one by text', async () => {
			for (const usd of [100, 2500]) await createAlert({ thresholdUsd: usd });
			const context = pickerContext({
				credential: { apiKey: ADMIN_KEY_ACME, organizationId: '', projectId: '', baseUrl: server.url },
				node: { name: 'OpenAI Organization', type: 'openAiOrganization' },
			});
			const { results } = await searchSpendAlerts.call(context);
			expect(results.map((result) => result.name)).toEqual(['$100.00 per month → cfo@example.com', '$2,500.00 per month → cfo@example.com']);
			expect((await searchSpendAlerts.call(context, '2,500')).results.map((result) => result.value)).toEqual([alertsOnServer()[1].id]);
		});

		it('delete checks every alert first, Dry Run deletes nothing, Max per Run stops a large run', async () => {
			for (const usd of [100, 200]) await createAlert({ thresholdUsd: usd });
			const ids = alertsOnServer().map((alert) => alert.id);
			const remove = (parameters: Record<string, unknown>, idsToRemove = ids) =>
				runOrganization(server, { resource: 'spendAlert', operation: 'delete', alertId: byIdFromInput, ...parameters }, { inputItems: idsToRemove.map((id) => ({ id })) });

			const dry = await remove({ dryRun: true });
			expect(nodeResult(dry).items).toEqual(
				ids.map((id, index) =>
					expect.objectContaining({ id, dryRun: true, wouldDelete: true, plan: `Would delete spend alert ${id} ($${index + 1}00.00 per month) of the organization` }),
				),
			);
			expect(requestsTo(server, 'DELETE', /spend_alerts/)).toHaveLength(0);

			const tooMany = await remove({ maxPerRun: 1 });
			expect(nodeResult(tooMany).error?.message).toBe('2 items would delete 2 spend alerts, more than "Max Spend Alerts per Run" (1); nothing was deleted');

			server.clearRequests();
			const missingLast = await remove({}, [ids[0], 'alert_missing']);
			expect(nodeResult(missingLast).error?.message).toBe('Spend alert alert_missing of the organization was not found in this organization');
			expect(requestsTo(server, 'DELETE', /spend_alerts/)).toHaveLength(0);

			const done = await remove({});
			expect(nodeResult(done).items).toEqual(ids.map((id) => ({ id, object: 'organization.spend_alert.deleted', deleted: true })));
			expect(alertsOnServer()).toHaveLength(0);
		});
	});

	describe('the hard spend limit', () => {
		const limit = (operation: string, parameters: Record<string, unknown> = {}) => runOrganization(server, { resource: 'spendLimit', operation, ...parameters });
		const projectLimit = (operation: string, parameters: Record<string, unknown> = {}) =>
			runNode(server, {
				parameters: { resource: 'spendLimit', operation, projectId: byId(DEFAULT_PROJECT_ACME), ...parameters },
				credential: admin,
			});

		it('says there is none, sets one from dollars, reads it back, and removes it (Dry Run first)', async () => {
			expect(nodeResult(await limit('get')).items[0]).toEqual({ limitSet: false, message: 'The organization has no hard spend limit.' });
			const set = await limit('set', { thresholdUsd: 2500 });
			expect(requestsTo(server, 'POST', LIMIT)[0].body).toEqual({ threshold_amount: 250_000, currency: 'USD', interval: 'month' });
			expect(nodeResult(set).items[0]).toEqual(
				expect.objectContaining({ limitSet: true, object: 'organization.spend_limit', threshold_usd: 2500, threshold_text: '$2,500.00 per month' }),
			);
			expect(nodeResult(await limit('get')).items[0]).toEqual(expect.objectContaining({ limitSet: true, threshold_amount: 250_000 }));

			const dry = await limit('remove', { dryRun: true });
			expect(nodeResult(dry).items[0]).toEqual(
				expect.objectContaining({ dryRun: true, wouldRemove: true, plan: 'Would remove the hard spend limit ($2,500.00 per month) of the organization' }),
			);
			expect(acmeControls().spendLimit).not.toBeNull();

			const removed = await limit('remove');
			expect(nodeResult(removed).items[0]).toEqual(
				expect.objectContaining({ removed: true, object: 'organization.spend_limit.deleted', deleted: true, removedLimit: expect.objectContaining({ threshold_usd: 2500 }) }),
			);
			expect(acmeControls().spendLimit).toBeNull();

			server.clearRequests();
			const again = await limit('remove');
			expect(nodeResult(again).items[0]).toEqual(expect.objectContaining({ removed: false, message: 'The organization had no hard spend limit; nothing changed.' }));
			expect(requestsTo(server, 'DELETE', LIMIT)).toHaveLength(0);
		});

		it('bounds its projects: a project limit above it is refused with the fix, and lowering it lowers a project above it', async () => {
			await projectLimit('set', { thresholdUsd: 800 });
			await limit('set', { thresholdUsd: 500 });
			expect(nodeResult(await projectLimit('get')).items[0]).toEqual(expect.objectContaining({ threshold_usd: 500 }));

			const above = await projectLimit('set', { thresholdUsd: 600 });
			expect(above.error?.message).toBe("A project's hard spend limit cannot be above the organization's hard spend limit ($500.00 a month)");
			expect(above.error?.description).toMatch(/Enter at most the organization's limit \(\$500\.00 a month\) in "Threshold \(US Dollars\)", or raise the organization's limit first: OpenAI Organization node, Resource "Spend Limit", Operation "Set"/);
			expect(server.state.projectControls[DEFAULT_PROJECT_ACME].spendLimit?.thresholdAmount).toBe(50_000);

			expect(nodeResult(await projectLimit('set', { thresholdUsd: 400 })).items[0]).toEqual(expect.objectContaining({ threshold_usd: 400 }));
		});

		it('refuses a limit under one cent before any request', async () => {
			expect(nodeResult(await limit('set', { thresholdUsd: 0 })).error?.message).toBe('"Threshold (US Dollars)" must be at least $0.01, not $0.00');
			expect(server.requests).toHaveLength(0);
		});
	});
});
