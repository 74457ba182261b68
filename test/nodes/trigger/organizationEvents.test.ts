import { ADMIN_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { DAY, activeTrigger, clock, requestsTo, serverOptions, useClock } from '../audit/support';

async function callApi(server: OpenAiTestServer, path: string, body: unknown) {
	const response = await fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${ADMIN_KEY_ACME}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return (await response.json()) as { id: string };
}

function projectNamed(server: OpenAiTestServer, name: string) {
	const project = server.state.projects.find((candidate) => candidate.name === name);
	if (!project) throw new Error(`no project ${name}`);
	return project;
}

describe('OpenAI Organization Trigger: projects, spend and idle keys', () => {
	let server: OpenAiTestServer;
	useClock();
	serveTestServer(serverOptions(), (started) => (server = started));

	it('emits a project created and a project archived once each, over polls and a restart', async () => {
		const trigger = activeTrigger(server, { events: ['projectCreated', 'projectArchived'] });
		expect((await trigger.poll()).items).toEqual([]);

		const created = await callApi(server, '/organization/projects', { name: 'Fraud Review' });
		clock.advance(60);
		const afterCreate = await trigger.poll();
		expect(afterCreate.items).toEqual([expect.objectContaining({ event: 'projectCreated', id: created.id, name: 'Fraud Review' })]);

		trigger.restart();
		await callApi(server, `/organization/projects/${created.id}/archive`, {});
		const quick = await callApi(server, '/organization/projects', { name: 'One-Day Demo' });
		await callApi(server, `/organization/projects/${quick.id}/archive`, {});
		clock.advance(60);
		const afterArchive = await trigger.poll();
		expect(afterArchive.items.map((item) => [item.event, item.id])).toEqual(
			expect.arrayContaining([
				['projectArchived', created.id],
				['projectCreated', quick.id],
				['projectArchived', quick.id],
			]),
		);
		expect(afterArchive.items).toHaveLength(3);

		server.clearRequests();
		clock.advance(60);
		expect((await trigger.poll()).items).toEqual([]);
		expect(server.requests).toHaveLength(1);
	});

	it('watches only what was chosen: archived projects without their creation', async () => {
		const trigger = activeTrigger(server, { events: ['projectArchived'] });
		await trigger.poll();
		const created = await callApi(server, '/organization/projects', { name: 'Temp' });
		clock.advance(60);
		expect((await trigger.poll()).items).toEqual([]);
		await callApi(server, `/organization/projects/${created.id}/archive`, {});
		clock.advance(60);
		expect((await trigger.poll()).items.map((item) => item.event)).toEqual(['projectArchived']);
	});

	it("emits the organization's spend crossing the threshold once a month, and then asks no more", async () => {
		const probe = activeTrigger(server, { events: ['spendThreshold'], spendPeriod: 'month' });
		const [current] = (await probe.poll('manual')).items;
		expect(current).toMatchObject({ event: 'spendThreshold', scope: 'organization', period: 'month', periodStart: '2026-11-01T00:00:00.000Z' });
		const spent = current.amount as number;
		expect(spent).toBeGreaterThan(1);

		const trigger = activeTrigger(server, { events: ['spendThreshold'], spendPeriod: 'month', spendThreshold: spent * 10 });
		expect((await trigger.poll()).items).toEqual([]);
		// The spend grows past the threshold (here: the threshold is lowered under it, the same crossing for the trigger).
		trigger.parameters = { ...trigger.parameters, spendThreshold: Math.floor(spent) };
		clock.advance(60);
		const crossed = await trigger.poll();
		expect(crossed.items).toEqual([expect.objectContaining({ event: 'spendThreshold', threshold: Math.floor(spent), currency: 'usd' })]);

		server.clearRequests();
		trigger.restart();
		clock.advance(60);
		expect((await trigger.poll()).items).toEqual([]);
		expect(requestsTo(server, '/v1/organization/costs')).toHaveLength(0);
	});

	it("watches each chosen project's spend for the day, with one request", async () => {
		const support = projectNamed(server, 'Support Bot');
		const ranking = projectNamed(server, 'Search Ranking');
		const trigger = activeTrigger(server, {
			events: ['spendThreshold'],
			spendPeriod: 'day',
			spendThreshold: 1_000_000,
			spendProjectIds: `${support.id}, ${ranking.id}`,
		});
		await trigger.poll();
		trigger.parameters = { ...trigger.parameters, spendThreshold: 0 };
		server.clearRequests();
		clock.advance(60);
		const crossed = await trigger.poll();
		expect(crossed.items.map((item) => item.projectId).sort()).toEqual([support.id, ranking.id].sort());
		expect(crossed.items.every((item) => item.period === 'day' && item.periodStart === '2026-11-23T00:00:00.000Z')).toBe(true);
		const [request] = requestsTo(server, '/v1/organization/costs');
		expect(request.query).toMatchObject({ 'group_by[]': 'project_id', start_time: String(Date.UTC(2026, 10, 23) / 1000) });
		expect(server.requests).toHaveLength(1);
	});

	it('watches the spend of projects picked in "Spend of Projects", as it does typed IDs', async () => {
		const support = projectNamed(server, 'Support Bot');
		const ranking = projectNamed(server, 'Search Ranking');
		const trigger = activeTrigger(server, {
			events: ['spendThreshold'],
			spendPeriod: 'day',
			spendThreshold: 1_000_000,
			spendProjectList: {
				project: [
					{ project: { __rl: true, mode: 'list', value: support.id, cachedResultName: 'Support Bot' } },
					{ project: { __rl: true, mode: 'id', value: ranking.id } },
				],
			},
		});
		await trigger.poll();
		trigger.parameters = { ...trigger.parameters, spendThreshold: 0 };
		clock.advance(60);
		const crossed = await trigger.poll();
		expect(crossed.items.map((item) => item.projectId).sort()).toEqual([support.id, ranking.id].sort());
	});

	it('emits a key once when it has not been used for the chosen days, reading keys at most once an hour', async () => {
		const trigger = activeTrigger(server, { events: ['keyUnused'], unusedDays: 30 });
		// support-old has been idle for 40 days already: that is old news on activation.
		expect((await trigger.poll()).items).toEqual([]);

		const ranker = projectNamed(server, 'Search Ranking').activity.keys[0];
		ranker.lastUsedAt = clock.seconds() - 31 * DAY;
		server.clearRequests();
		clock.advance(600);
		expect((await trigger.poll()).items).toEqual([]);
		expect(server.requests).toHaveLength(0); // within the hour: no request at all

		clock.advance(3_600);
		trigger.restart();
		const idle = await trigger.poll();
		expect(idle.items).toEqual([
			expect.objectContaining({ event: 'keyUnused', keyId: ranker.id, keyName: 'ranker', projectName: 'Search Ranking', daysUnused: 31, ownerType: 'service_account' }),
		]);

		clock.advance(3_601);
		expect((await trigger.poll()).items).toEqual([]);

		// Used again, then idle again: that is a new lapse, reported again.
		ranker.lastUsedAt = clock.seconds();
		clock.advance(3_601);
		expect((await trigger.poll()).items).toEqual([]);
		ranker.lastUsedAt = clock.seconds() - 40 * DAY;
		clock.advance(3_601);
		expect((await trigger.poll()).items.map((item) => item.keyId)).toEqual([ranker.id]);
	});

	it('with a backfill, reports the keys already idle on activation; "Fetch Test Event" shows the longest idle one', async () => {
		const support = projectNamed(server, 'Support Bot');
		const old = support.activity.keys.find((key) => key.name === 'support-old')!;
		const manual = await activeTrigger(server, { events: ['keyUnused'], unusedDays: 30 }).poll('manual');
		expect(manual.items.map((item) => item.keyId)).toEqual([old.id]);

		const trigger = activeTrigger(server, { events: ['keyUnused'], unusedDays: 30, options: { backfillHours: 24 } });
		expect((await trigger.poll()).items.map((item) => item.keyId)).toEqual([old.id]);
	});

	it('polls every watched feed, each emitting its own events, and keeps each feed\'s memory apart', async () => {
		const trigger = activeTrigger(server, { events: ['auditLog', 'projectCreated'] });
		await trigger.poll();
		const created = await callApi(server, '/organization/projects', { name: 'Both Feeds' });
		clock.advance(60);
		const both = await trigger.poll();
		expect(both.items.map((item) => item.event)).toEqual(['projectCreated']);
		expect(both.items[0].id).toBe(created.id);
		const saved = trigger.saved?.['node:Trigger'] as Record<string, unknown>;
		expect(Object.keys(saved).sort()).toEqual(['audit', 'projects']);
	});
});
