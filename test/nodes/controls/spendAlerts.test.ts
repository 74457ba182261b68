import { DEFAULT_PROJECT_ACME, PROJECT_GLOBEX_ARCHIVED, PROJECT_GLOBEX_RESEARCH } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { expectNoFullKeyIn, nodeResult, runNode } from '../workflowHelpers';
import { serveTestServer } from '../testServer';
import { acmeAdmin, byId, globexAdmin, requestLines } from './support';

const ALERTS = `/organization/projects/${DEFAULT_PROJECT_ACME}/spend_alerts`;

describe('OpenAI Projects: spend alerts', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 3 }, (started) => (server = started));

	const create = (parameters: Record<string, unknown>, extra: { inputItems?: Array<Record<string, unknown>>; continueOnFail?: boolean } = {}) =>
		runNode(server, {
			parameters: {
				resource: 'spendAlert',
				operation: 'create',
				projectId: byId(DEFAULT_PROJECT_ACME),
				thresholdUsd: 1000,
				recipients: 'finance@example.com',
				...parameters,
			},
			credential: acmeAdmin,
			...extra,
		});
	const alertsOnServer = () => server.state.projectControls[DEFAULT_PROJECT_ACME]?.spendAlerts ?? [];

	describe('the amount is typed in dollars and sent in cents', () => {
		it.each([
			[1000, 100_000, 1000, '$1,000.00 per month'],
			[12.5, 1250, 12.5, '$12.50 per month'],
			['2,500.75', 250_075, 2500.75, '$2,500.75 per month'],
			[0, 0, 0, '$0.00 per month'],
		])('%j dollars go to OpenAI as %j cents, and come back out as both', async (typed, cents, dollars, text) => {
			const result = await create({ thresholdUsd: typed, options: { subjectPrefix: ' OpenAI spend ' } });
			expect(result.error).toBeUndefined();
			expect(server.requests[0].body).toEqual({
				threshold_amount: cents,
				currency: 'USD',
				interval: 'month',
				notification_channel: { type: 'email', recipients: ['finance@example.com'], subject_prefix: 'OpenAI spend' },
			});
			const [alert] = nodeResult(result).items;
			expect(alert).toEqual(
				expect.objectContaining({
					project_id: DEFAULT_PROJECT_ACME,
					object: 'project.spend_alert',
					threshold_amount: cents,
					threshold_amount_unit: 'cents',
					threshold_usd: dollars,
					threshold_text: text,
					created: true,
				}),
			);
			expectNoFullKeyIn(result);
		});

		it.each([
			[12.345, '"Threshold (US Dollars)" has more than two decimals: 12.345'],
			[-5, '"Threshold (US Dollars)" must be at least $0.00, not -$5.00'],
			['ten', '"Threshold (US Dollars)" must be an amount in dollars, not "ten"'],
		])('refuses %j before any request', async (typed, message) => {
			const result = await create({ thresholdUsd: typed });
			expect(result.error?.message).toBe(message);
			expect(result.error?.description).toMatch(/in US dollars, e\.g\. 1000 for \$1,000\.00/);
			expect(server.requests).toHaveLength(0);
		});
	});

	it('refuses an empty or malformed recipient list before any request', async () => {
		expect((await create({ recipients: ' , ' })).error?.message).toBe('"Email Recipients" is empty: an alert needs someone to tell');
		expect((await create({ recipients: 'finance@example.com, bob' })).error?.message).toBe(
			'"Email Recipients" holds "bob", which is not an email address',
		);
		expect(server.requests).toHaveLength(0);
	});

	it('with "Skip if an Alert at This Threshold Exists", a second run creates nothing and returns the alert there', async () => {
		const first = await create({ options: { skipIfExists: true } });
		const second = await create({ options: { skipIfExists: true } });
		expect(nodeResult(first).items[0]).toEqual(expect.objectContaining({ created: true, alreadyExisted: false }));
		expect(nodeResult(second).items[0]).toEqual(
			expect.objectContaining({ created: false, alreadyExisted: true, id: nodeResult(first).items[0].id }),
		);
		expect(alertsOnServer()).toHaveLength(1);
		expect(requestLines(server)).toEqual([`GET ${ALERTS}`, `POST ${ALERTS}`, `GET ${ALERTS}`]);
	});

	it('never creates the alert twice when the answer to the create is lost', async () => {
		server.faults.add({ kind: 'reset_after', method: 'POST', path: ALERTS });
		const result = await create({});
		expect(result.error).toBeUndefined();
		expect(nodeResult(result).items[0]).toEqual(expect.objectContaining({ recoveredAfterLostResponse: true, threshold_amount: 100_000 }));
		expect(alertsOnServer()).toHaveLength(1);
	});

	it('an archived project gets no alert: the error says so in plain words', async () => {
		const result = await runNode(server, {
			parameters: {
				resource: 'spendAlert',
				operation: 'create',
				projectId: byId(PROJECT_GLOBEX_ARCHIVED),
				thresholdUsd: 50,
				recipients: 'ops@example.com',
			},
			credential: globexAdmin,
		});
		expect(result.error?.message).toBe(`Project ${PROJECT_GLOBEX_ARCHIVED} is archived, and archived projects cannot be changed`);
		expect(result.error?.description).toMatch(/HTTP status: 400/);
		expect(result.error?.description).toMatch(/code: project_archived/);
	});

	it('with Continue On Fail, a bad item becomes an error item paired with it and the others are created', async () => {
		const result = await create(
			{ thresholdUsd: '={{ $json.usd }}' },
			{ inputItems: [{ usd: 100 }, { usd: 1.001 }, { usd: 300 }], continueOnFail: true },
		);
		const outputs = nodeResult(result).outputs[0];
		expect(outputs.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(outputs[0].json.threshold_amount).toBe(10_000);
		expect(String((outputs[1].json as { error?: unknown }).error)).toMatch(/more than two decimals/);
		expect(outputs[2].json.threshold_amount).toBe(30_000);
		expect(alertsOnServer()).toHaveLength(2);
	});

	it('lists every alert of a project over pages, gets one, and updates only what was given', async () => {
		for (const usd of [100, 200, 300]) await create({ thresholdUsd: usd });
		server.clearRequests();
		const listed = await runNode(server, {
			parameters: { resource: 'spendAlert', operation: 'getAll', projectId: byId(DEFAULT_PROJECT_ACME), returnAll: true },
			credential: acmeAdmin,
		});
		expect(nodeResult(listed).items.map((alert) => alert.threshold_usd)).toEqual([100, 200, 300]);
		const limited = await runNode(server, {
			parameters: { resource: 'spendAlert', operation: 'getAll', projectId: byId(DEFAULT_PROJECT_ACME), limit: 2 },
			credential: acmeAdmin,
		});
		expect(nodeResult(limited).items).toHaveLength(2);

		const alertId = alertsOnServer()[1].id;
		const got = await runNode(server, {
			parameters: { resource: 'spendAlert', operation: 'get', projectId: byId(DEFAULT_PROJECT_ACME), alertId: byId(alertId) },
			credential: acmeAdmin,
		});
		expect(nodeResult(got).items[0]).toEqual(expect.objectContaining({ id: alertId, threshold_usd: 200 }));

		server.clearRequests();
		const updated = await runNode(server, {
			parameters: {
				resource: 'spendAlert',
				operation: 'update',
				projectId: byId(DEFAULT_PROJECT_ACME),
				alertId: byId(alertId),
				updateFields: { thresholdUsd: 250.5 },
			},
			credential: acmeAdmin,
		});
		expect(requestLines(server)).toEqual([`GET ${ALERTS}/${alertId}`, `POST ${ALERTS}/${alertId}`]);
		// OpenAI's update takes the whole alert: the recipients are sent again, unchanged.
		expect(server.requests[1].body).toEqual({
			threshold_amount: 25_050,
			currency: 'USD',
			interval: 'month',
			notification_channel: { type: 'email', recipients: ['finance@example.com'] },
		});
		expect(nodeResult(updated).items[0]).toEqual(expect.objectContaining({ threshold_usd: 250.5, threshold_text: '$250.50 per month' }));
	});

	it('an update with nothing to change is refused before any request', async () => {
		const result = await runNode(server, {
			parameters: { resource: 'spendAlert', operation: 'update', projectId: byId(DEFAULT_PROJECT_ACME), alertId: byId('alert_x'), updateFields: {} },
			credential: acmeAdmin,
		});
		expect(result.error?.message).toBe('"Update Fields" is empty: nothing to change');
		expect(server.requests).toHaveLength(0);
	});

	it('a missing alert is named in the error', async () => {
		const result = await runNode(server, {
			parameters: { resource: 'spendAlert', operation: 'get', projectId: byId(DEFAULT_PROJECT_ACME), alertId: byId('alert_gone') },
			credential: acmeAdmin,
		});
		expect(result.error?.message).toBe(`Spend alert alert_gone of project ${DEFAULT_PROJECT_ACME} was not found in this organization`);
	});

	describe('delete', () => {
		const remove = (alertIds: string[], parameters: Record<string, unknown> = {}, continueOnFail = false) =>
			runNode(server, {
				parameters: {
					resource: 'spendAlert',
					operation: 'delete',
					projectId: byId(DEFAULT_PROJECT_ACME),
					alertId: byId('={{ $json.id }}'),
					...parameters,
				},
				credential: acmeAdmin,
				inputItems: alertIds.map((id) => ({ id })),
				continueOnFail,
			});

		it('deletes the alerts given, after checking every one of them', async () => {
			for (const usd of [100, 200]) await create({ thresholdUsd: usd });
			const ids = alertsOnServer().map((alert) => alert.id);
			server.clearRequests();
			const result = await remove(ids);
			expect(nodeResult(result).items).toEqual(ids.map((id) => ({ project_id: DEFAULT_PROJECT_ACME, id, object: 'project.spend_alert.deleted', deleted: true })));
			const lines = requestLines(server);
			expect(lines.filter((line) => line.startsWith('DELETE'))).toHaveLength(2);
			expect(lines.findIndex((line) => line.startsWith('DELETE'))).toBeGreaterThan(lines.lastIndexOf(`GET ${ALERTS}/${ids[1]}`));
			expect(alertsOnServer()).toHaveLength(0);
		});

		it('a missing last alert stops the run before the first delete', async () => {
			await create({ thresholdUsd: 100 });
			const [alert] = alertsOnServer();
			server.clearRequests();
			const result = await remove([alert.id, 'alert_missing']);
			expect(result.error?.message).toBe(`Spend alert alert_missing of project ${DEFAULT_PROJECT_ACME} was not found in this organization`);
			expect(server.requests.filter((request) => request.method === 'DELETE')).toHaveLength(0);
			expect(alertsOnServer()).toHaveLength(1);
		});

		it('Dry Run shows what would be deleted, in dollars too, and deletes nothing', async () => {
			await create({ thresholdUsd: 100 });
			const [alert] = alertsOnServer();
			const result = await remove([alert.id], { dryRun: true });
			expect(nodeResult(result).items[0]).toEqual(expect.objectContaining({ id: alert.id, dryRun: true, wouldDelete: true, threshold_usd: 100 }));
			expect(alertsOnServer()).toHaveLength(1);
			expect(server.requests.some((request) => request.method === 'DELETE')).toBe(false);
		});

		it('more alerts than "Max Spend Alerts per Run" stop the run before anything is read or deleted', async () => {
			const result = await remove(['alert_a', 'alert_b', 'alert_c'], { maxPerRun: 2 });
			expect(result.error?.message).toBe('3 items would delete 3 spend alerts, more than "Max Spend Alerts per Run" (2); nothing was deleted');
			expect(server.requests).toHaveLength(0);
		});

		it('12 alerts are checked in the listing, not with a GET each', async () => {
			for (let index = 0; index < 12; index++) await create({ thresholdUsd: 10 + index });
			const ids = alertsOnServer().map((alert) => alert.id);
			server.clearRequests();
			const result = await remove(ids, { dryRun: true });
			expect(nodeResult(result).items).toHaveLength(12);
			expect(server.requests.filter((request) => request.path.includes('/spend_alerts/'))).toHaveLength(0);
		});

		it('an alert of an archived project is refused in the check, with Continue On Fail as an error item in its place', async () => {
			const result = await runNode(server, {
				parameters: {
					resource: 'spendAlert',
					operation: 'delete',
					projectId: byId('={{ $json.project }}'),
					alertId: byId('alert_x'),
				},
				credential: globexAdmin,
				inputItems: [{ project: PROJECT_GLOBEX_ARCHIVED }, { project: PROJECT_GLOBEX_RESEARCH }],
				continueOnFail: true,
			});
			const outputs = nodeResult(result).outputs[0];
			expect(outputs.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(String((outputs[0].json as { error?: unknown }).error)).toMatch(/is archived, and archived projects cannot be changed/);
			expect(String((outputs[1].json as { error?: unknown }).error)).toMatch(/alert_x .* was not found/);
			expect(server.requests.some((request) => request.method === 'DELETE')).toBe(false);
		});
	});
});
