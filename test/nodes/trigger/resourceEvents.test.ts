import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { AUDIT_LOGS_PATH, activeTrigger, append, clock, requestsTo, serverOptions, useClock } from '../audit/support';

describe('OpenAI Organization Trigger: group, role, certificate and admin-key events', () => {
	let server: OpenAiTestServer;
	useClock();
	serveTestServer(serverOptions(), (started) => (server = started));

	it('emits each group, role and certificate change once, as its own event, and nothing else of the log', async () => {
		const trigger = activeTrigger(server, { events: ['groupChanged', 'roleChanged', 'certificateChanged'] });
		expect((await trigger.poll()).items).toEqual([]);

		clock.advance(60);
		const changes = append(server, [
			{ type: 'group.created' },
			{ type: 'role.assignment.created' },
			{ type: 'certificates.activated' },
			{ type: 'certificates.deactivated' },
			{ type: 'role.updated' },
		]);
		append(server, [{ type: 'api_key.created' }, { type: 'login.succeeded' }]); // not watched
		clock.advance(60);
		const polled = await trigger.poll();
		expect(polled.items.map((item) => [item.event, item.id, item.type])).toEqual([
			['groupChanged', changes[0].id, 'group.created'],
			['roleChanged', changes[1].id, 'role.assignment.created'],
			['certificateChanged', changes[2].id, 'certificates.activated'],
			['certificateChanged', changes[3].id, 'certificates.deactivated'],
			['roleChanged', changes[4].id, 'role.updated'],
		]);
		expect(polled.items[0].payload).toEqual(changes[0].details);
		// The types asked for come from the contract's list, tenant-scoped ones left out of the organization's log.
		const asked = requestsTo(server, AUDIT_LOGS_PATH).at(-1)?.query['event_types[]'] as string[];
		expect(asked).toEqual(expect.arrayContaining(['group.deleted', 'role.assignment.deleted', 'certificate.created', 'certificates.activated']));
		expect(asked.some((type) => type.startsWith('tenant.') || type === 'role.bound_to_resource')).toBe(false);

		// Over a restart, and with a late event of the same window: each once.
		trigger.restart();
		const [late] = append(server, [{ type: 'group.deleted', effective_at: clock.seconds() - 30 }]);
		clock.advance(60);
		expect((await trigger.poll()).items.map((item) => [item.event, item.id])).toEqual([['groupChanged', late.id]]);
		clock.advance(60);
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('emits an event that both "New Audit-Log Event" and a resource event watch once, as the resource event', async () => {
		const trigger = activeTrigger(server, { events: ['auditLog', 'groupChanged'] });
		await trigger.poll();
		clock.advance(60);
		const [group, key] = append(server, [{ type: 'group.updated' }, { type: 'api_key.created' }]);
		clock.advance(60);
		expect((await trigger.poll()).items.map((item) => [item.event, item.id])).toEqual([
			['groupChanged', group.id],
			['auditLog', key.id],
		]);
		// Every type is wanted: no event_types filter is sent.
		expect(requestsTo(server, AUDIT_LOGS_PATH).at(-1)?.query['event_types[]']).toBeUndefined();
	});

	it('reads admin-key events from the tenant-scoped log, which alone has them, once each and apart from the organization log', async () => {
		const trigger = activeTrigger(server, { events: ['adminKeyChanged', 'groupChanged'] });
		await trigger.poll();
		clock.advance(60);
		const [created, group, deleted] = append(server, [
			{ type: 'tenant.admin_api_key.created' },
			{ type: 'group.created' },
			{ type: 'tenant.admin_api_key.deleted' },
		]);
		clock.advance(60);
		const polled = await trigger.poll();
		expect(polled.items.map((item) => [item.event, item.id]).sort()).toEqual(
			[
				['adminKeyChanged', created.id],
				['adminKeyChanged', deleted.id],
				['groupChanged', group.id],
			].sort(),
		);
		const tenantReads = requestsTo(server, AUDIT_LOGS_PATH).filter((request) => request.query.tenant_only === 'true');
		expect(tenantReads.at(-1)?.query['event_types[]']).toEqual(['tenant.admin_api_key.created', 'tenant.admin_api_key.updated', 'tenant.admin_api_key.deleted']);
		clock.advance(60);
		expect((await trigger.poll()).items).toEqual([]);

		// A failed tenant read changes nothing: the next poll emits what it would have.
		clock.advance(60);
		const [again] = append(server, [{ type: 'tenant.admin_api_key.created' }]);
		server.faults.add({ kind: 'server_error', status: 500, path: AUDIT_LOGS_PATH, times: 10 });
		expect((await trigger.pollExpectingError()).staticDataChanged).toBe(false);
		server.faults.clear();
		clock.advance(60);
		expect((await trigger.poll()).items.map((item) => item.id)).toEqual([again.id]);
	});
});
