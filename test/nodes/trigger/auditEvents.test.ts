import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { AUDIT_LOGS_PATH, activeTrigger, append, clock, requestsTo, serverOptions, useClock } from '../audit/support';

const WATCHED = { events: ['auditLog'], auditEventTypes: ['api_key.created', 'api_key.deleted', 'user.added', 'invite.sent'] };

describe('OpenAI Organization Trigger: new audit-log events', () => {
	let server: OpenAiTestServer;
	useClock();
	serveTestServer(serverOptions(), (started) => (server = started));

	it('emits nothing old on activation, then each new event once, in order, over polls and a restart', async () => {
		append(server, [{ type: 'api_key.created', effective_at: clock.seconds() - 60 }]);
		const trigger = activeTrigger(server, WATCHED);

		expect((await trigger.poll()).items).toEqual([]);

		clock.advance(60);
		const [first, second] = append(server, [
			{ type: 'api_key.created', actor_email: 'grace.admin@acme.example' },
			{ type: 'user.added' },
		]);
		append(server, [{ type: 'login.succeeded' }]); // not watched
		clock.advance(60);
		const afterTwo = await trigger.poll();
		expect(afterTwo.items.map((item) => [item.event, item.id, item.type])).toEqual([
			['auditLog', first.id, 'api_key.created'],
			['auditLog', second.id, 'user.added'],
		]);
		expect(afterTwo.items[0]).toMatchObject({ actorEmail: 'grace.admin@acme.example', payload: first.details });

		// No news: nothing emitted, one request, and n8n has nothing new to save.
		server.clearRequests();
		clock.advance(60);
		const quiet = await trigger.poll();
		expect(quiet.items).toEqual([]);
		expect(server.requests).toHaveLength(1);
		expect(requestsTo(server, AUDIT_LOGS_PATH)[0].query['event_types[]']).toEqual(WATCHED.auditEventTypes);

		// n8n restarts (or another worker polls): only the saved static data carries over.
		const [third] = append(server, [{ type: 'invite.sent' }]);
		trigger.restart();
		clock.advance(60);
		expect((await trigger.poll()).items.map((item) => item.id)).toEqual([third.id]);
		clock.advance(60);
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('emits an event OpenAI logs late (stamped before the newest one seen) once, and never repeats one of the same second', async () => {
		const trigger = activeTrigger(server, WATCHED);
		await trigger.poll();
		clock.advance(120);
		const sameSecond = append(server, [{ type: 'api_key.created' }, { type: 'api_key.deleted' }]);
		const first = await trigger.poll();
		expect(first.items.map((item) => item.id)).toEqual(sameSecond.map((event) => event.id));

		const [late] = append(server, [{ type: 'user.added', effective_at: clock.seconds() - 90 }]);
		const [sameAsNewest] = append(server, [{ type: 'api_key.created', effective_at: clock.seconds() }]);
		clock.advance(30);
		const second = await trigger.poll();
		expect(second.items.map((item) => item.id)).toEqual([late.id, sameAsNewest.id]);
		clock.advance(30);
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('misses nothing when a poll fails: the next poll emits what the failed one would have', async () => {
		const trigger = activeTrigger(server, WATCHED);
		await trigger.poll();
		clock.advance(60);
		const appended = append(server, [{ type: 'api_key.created' }, { type: 'api_key.deleted' }]);
		server.faults.add({ kind: 'server_error', status: 500, path: AUDIT_LOGS_PATH, times: 10 });
		const failed = await trigger.pollExpectingError();
		expect(failed.error?.message).toMatch(/server error \(HTTP 500\)/);
		expect(failed.staticDataChanged).toBe(false);

		server.faults.clear();
		clock.advance(60);
		expect((await trigger.poll()).items.map((item) => item.id)).toEqual(appended.map((event) => event.id));
	});

	it('with "Backfill (Hours)", emits the last hours\' events on activation, once', async () => {
		const [old, recent] = append(server, [
			{ type: 'api_key.created', effective_at: clock.seconds() - 3 * 3_600 },
			{ type: 'user.added', effective_at: clock.seconds() - 1_800 },
		]);
		const trigger = activeTrigger(server, { ...WATCHED, options: { backfillHours: 2 } });
		const first = await trigger.poll();
		expect(first.items.map((item) => item.id)).toContain(recent.id);
		expect(first.items.map((item) => item.id)).not.toContain(old.id);
		clock.advance(60);
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('"Fetch Test Event" returns the latest real event and leaves the cursor alone', async () => {
		const trigger = activeTrigger(server, WATCHED);
		await trigger.poll();
		const saved = trigger.saved;
		const [latest] = append(server, [{ type: 'api_key.deleted', effective_at: clock.seconds() + 5 }]);
		clock.advance(10);

		const manual = await trigger.poll('manual');
		expect(manual.items.map((item) => item.id)).toEqual([latest.id]);
		expect(manual.staticDataChanged).toBe(false);
		expect(trigger.saved).toEqual(saved);
		expect((await trigger.poll()).items.map((item) => item.id)).toEqual([latest.id]);
	});

	it('keeps its remembered ids bounded to the look-back window', async () => {
		const trigger = activeTrigger(server, WATCHED);
		await trigger.poll();
		for (let round = 0; round < 4; round++) {
			clock.advance(400);
			append(server, Array.from({ length: 20 }, () => ({ type: 'api_key.created' })));
			expect((await trigger.poll()).items).toHaveLength(20);
		}
		const remembered = (trigger.saved?.['node:Trigger'] as { audit: { seen: unknown[] } }).audit.seen;
		// 400 s between rounds and a 600 s window: the last two rounds are remembered, the first two forgotten.
		expect(remembered).toHaveLength(40);
	});

	it('says what to do when audit logging is off for the organization', async () => {
		server.faults.clear();
		const trigger = activeTrigger(server, WATCHED);
		const { setAuditLogging } = await import('../../openai-server/auditLogData');
		setAuditLogging(server.state, server.state.organizations[0].id, false, clock.seconds());
		const failed = await trigger.pollExpectingError();
		expect(failed.error?.message).toMatch(/^Audit logging is not enabled for this organization/);
		expect(failed.error?.name).toBe('NodeApiError');
	});

	it('refuses settings that cannot work before any request', async () => {
		const trigger = activeTrigger(server, { events: [] });
		expect((await trigger.pollExpectingError()).error?.message).toBe('"Events" is empty');
		trigger.parameters = { events: ['spendThreshold'], spendProjectIds: 'Support Bot' };
		expect((await trigger.pollExpectingError()).error?.message).toMatch(/^"Spend of Project IDs" holds "Support Bot"/);
		trigger.parameters = { events: ['keyUnused'], unusedDays: 0 };
		expect((await trigger.pollExpectingError()).error?.message).toMatch(/^"Unused for Days" must be a whole number/);
		expect(server.requests).toHaveLength(0);
	});
});
