/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: reads the built trigger's poll limits */
import path from 'node:path';

import { livePollTrigger, pollTrigger } from '../../harness';
import type { LivePoller } from '../../harness';
import { ADMIN_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { credentialFor } from '../workflowHelpers';
import { AUDIT_LOGS_PATH, DAY, activeTrigger, admin, append, clock, requestsTo, serverOptions, triggerWorkflow, useClock } from '../audit/support';

/**
 * The contract of n8n's durable scheduler for polling triggers (n8n 2.45 and later, see docs/compatibility.md): a
 * poll may run twice for one window, also while the first is still running; polls that could not run are skipped,
 * not replayed; the cursor is the node's static data, saved when a poll emits (and with durable poll cursors, in
 * one transaction with the execution); an error that carries an HTTP status makes n8n back off and keeps the cursor.
 */
const COSTS_PATH = '/v1/organization/costs';
const PROJECTS_PATH = '/v1/organization/projects';
/** Audit-log events and projects; the spend is watched with a threshold no one reaches, so a poll reads the costs last. */
const WATCHED = { events: ['auditLog', 'projectCreated', 'spendThreshold'], spendThreshold: 1e9 };

// The harness loads the built package (dist), as n8n does; the poll limits are read from the same module.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built module the harness runs
const pollBudget = require(path.join(__dirname, '..', '..', '..', 'dist', 'nodes', 'OpenAiOrganizationTrigger', 'feeds', 'pollBudget.js')) as {
	POLL_LIMITS: { budgetMs: number };
};

async function createProject(server: OpenAiTestServer, name: string) {
	const response = await fetch(`${server.url}/organization/projects`, {
		method: 'POST',
		headers: { authorization: `Bearer ${ADMIN_KEY_ACME}`, 'content-type': 'application/json' },
		body: JSON.stringify({ name }),
	});
	return (await response.json()) as { id: string };
}

async function waitUntil(condition: () => boolean) {
	for (let tries = 0; !condition(); tries++) {
		if (tries > 200) throw new Error('timed out waiting for the poll');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** Every item emitted over the polls, as `event id` keys: each must be there exactly once. */
function emittedKeys(...polls: Array<{ items: Array<Record<string, unknown>> }>) {
	return polls.flatMap((poll) => poll.items.map((item) => `${item.event} ${item.id}`));
}

describe("OpenAI Organization Trigger on n8n's durable scheduler", () => {
	let server: OpenAiTestServer;
	useClock();
	serveTestServer(serverOptions(), (started) => (server = started));

	async function activatedLivePoller(): Promise<LivePoller> {
		const live = livePollTrigger(triggerWorkflow(WATCHED), { credentials: credentialFor(server, admin) });
		const activation = await live.poll();
		expect(activation).toEqual({ items: [] });
		return live;
	}

	it('two polls of one window that overlap emit each event once, whichever ends first', async () => {
		const live = await activatedLivePoller();
		clock.advance(60);
		const [e1] = append(server, [{ type: 'api_key.created' }]);
		const p1 = await createProject(server, 'Fraud Review');

		// Poll A reads the audit log and the projects, then waits on the costs; n8n starts poll B meanwhile.
		server.clearRequests();
		server.faults.add({ kind: 'latency', ms: 700, path: COSTS_PATH, times: 1 });
		const pollA = live.poll();
		await waitUntil(() => requestsTo(server, COSTS_PATH).length === 1);
		const [e2] = append(server, [{ type: 'user.added' }]);
		const p2 = await createProject(server, 'Search Ranking v2');
		const b = await live.poll();
		const a = await pollA;

		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		// B read later and ended first: it emits everything; A, ending last with what it read before, emits nothing again.
		expect(emittedKeys(b).sort()).toEqual([`auditLog ${e1.id}`, `auditLog ${e2.id}`, `projectCreated ${p1.id}`, `projectCreated ${p2.id}`].sort());
		expect(a.items).toEqual([]);

		clock.advance(60);
		expect((await live.poll()).items).toEqual([]);
	});

	it('two overlapping polls where the one that read first ends first: the second emits only what the first did not', async () => {
		const live = await activatedLivePoller();
		clock.advance(60);
		const [e1] = append(server, [{ type: 'api_key.created' }]);
		server.clearRequests();
		// A waits on the costs after reading the audit log; B's audit-log request is answered after A has ended.
		server.faults.add({ kind: 'latency', ms: 300, path: COSTS_PATH, times: 1 });
		server.faults.add({ kind: 'latency', ms: 700, path: AUDIT_LOGS_PATH, after: 1, times: 1 });
		const pollA = live.poll();
		await waitUntil(() => requestsTo(server, COSTS_PATH).length === 1);
		const pollB = live.poll();
		await waitUntil(() => requestsTo(server, AUDIT_LOGS_PATH).length === 2);
		const [e2] = append(server, [{ type: 'invite.sent' }]);
		const [a, b] = await Promise.all([pollA, pollB]);
		clock.advance(60);
		const c = await live.poll();

		expect(emittedKeys(a)).toEqual([`auditLog ${e1.id}`]);
		expect(emittedKeys(b)).toEqual([`auditLog ${e2.id}`]);
		expect(c.items).toEqual([]);
	});

	it('a poll that fails while another one of the same window succeeds changes nothing: every event once', async () => {
		const live = await activatedLivePoller();
		clock.advance(60);
		const [e1] = append(server, [{ type: 'api_key.created' }]);
		const p1 = await createProject(server, 'Support Bot v2');
		server.clearRequests();
		// A's costs request answers 500 after a moment; B's answers at once.
		server.faults.add({ kind: 'latency', ms: 500, path: COSTS_PATH, times: 1 });
		server.faults.add({ kind: 'server_error', status: 500, path: COSTS_PATH, times: 1 });
		const pollA = live.poll();
		await waitUntil(() => requestsTo(server, COSTS_PATH).length === 1);
		const b = await live.poll();
		const a = await pollA;

		expect(a.error).toMatchObject({ name: 'NodeApiError', httpCode: '500' });
		expect(emittedKeys(b).sort()).toEqual([`auditLog ${e1.id}`, `projectCreated ${p1.id}`].sort());
		clock.advance(60);
		expect((await live.poll()).items).toEqual([]);
	});

	it('a poll run again for a window whose poll has ended, from the static data n8n saved, emits nothing again', async () => {
		const trigger = activeTrigger(server, WATCHED);
		await trigger.poll();
		clock.advance(60);
		const [e1] = append(server, [{ type: 'api_key.created' }]);
		const first = await trigger.poll();
		expect(emittedKeys(first)).toEqual([`auditLog ${e1.id}`]);
		// The same occurrence again (the scheduler's at-least-once delivery), on what n8n saved when the first emitted.
		trigger.restart();
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('polls n8n skipped lose nothing: the next poll emits everything since the cursor, once, in order', async () => {
		const trigger = activeTrigger(server, WATCHED);
		await trigger.poll();
		const events = [];
		const projects = [];
		for (let minute = 1; minute <= 5; minute++) {
			clock.advance(60);
			events.push(...append(server, [{ type: 'api_key.created' }, { type: 'user.added' }]));
			projects.push(await createProject(server, `Skipped ${minute}`));
		}
		clock.advance(60);
		const next = await trigger.poll();
		expect(next.items.filter((item) => item.event === 'auditLog').map((item) => item.id)).toEqual(events.map((event) => event.id));
		expect(next.items.filter((item) => item.event === 'projectCreated').map((item) => item.id).sort()).toEqual(projects.map((p) => p.id).sort());
		clock.advance(60);
		expect((await trigger.poll()).items).toEqual([]);
	});

	it("polls skipped over the end of a day still report that day's spend crossing, once, on the next day's first poll", async () => {
		const probe = activeTrigger(server, { events: ['spendThreshold'], spendPeriod: 'day' });
		const [today] = (await probe.poll('manual')).items;
		const spent = today.amount as number;
		expect(spent).toBeGreaterThan(0.5);
		const trigger = activeTrigger(server, { events: ['spendThreshold'], spendPeriod: 'day', spendThreshold: spent * 10 });
		expect((await trigger.poll()).items).toEqual([]);
		// The day's spend passes the threshold (the threshold is lowered under it: the same crossing for the trigger),
		// and n8n runs no poll until the next day.
		trigger.parameters = { ...trigger.parameters, spendThreshold: Math.floor(spent * 100) / 100 };
		clock.advance(DAY);
		const nextDay = await trigger.poll();
		expect(nextDay.items).toContainEqual(expect.objectContaining({ event: 'spendThreshold', periodStart: '2026-11-23T00:00:00.000Z' }));
		expect(nextDay.items.filter((item) => item.periodStart === '2026-11-23T00:00:00.000Z')).toHaveLength(1);
		trigger.restart();
		clock.advance(60);
		expect((await trigger.poll()).items).toEqual([]);
	});

	it.each([
		['a rate limit', { kind: 'rate_limit', retryAfterSeconds: 30 } as const, '429'],
		['a server error', { kind: 'server_error', status: 500 } as const, '500'],
		['an unavailable server', { kind: 'server_error', status: 503 } as const, '503'],
	])('%s ends the poll at once with a NodeApiError carrying the status; the cursor holds and the next poll emits once', async (_name, fault, status) => {
		const trigger = activeTrigger(server, WATCHED);
		await trigger.poll();
		clock.advance(60);
		const [e1] = append(server, [{ type: 'api_key.created' }]);
		const p1 = await createProject(server, 'After the outage');
		const before = structuredClone(trigger.saved);
		server.clearRequests();
		// The projects are read after the audit log: a poll that fails there must not keep what it read before.
		server.faults.add({ ...fault, path: PROJECTS_PATH, times: 1 });
		const started = Date.now();
		const failed = await trigger.pollExpectingError();
		expect(Date.now() - started).toBeLessThan(2_000); // no wait for the Retry-After, no retry
		expect(failed.error).toMatchObject({ name: 'NodeApiError', httpCode: status });
		expect(requestsTo(server, PROJECTS_PATH)).toHaveLength(1);
		expect(failed.staticData).toEqual(before);

		clock.advance(60);
		const recovered = await trigger.poll();
		expect(emittedKeys(recovered).sort()).toEqual([`auditLog ${e1.id}`, `projectCreated ${p1.id}`].sort());
		clock.advance(60);
		expect((await trigger.poll()).items).toEqual([]);
	});

	describe('the poll budget', () => {
		const budget = pollBudget.POLL_LIMITS.budgetMs;
		afterEach(() => (pollBudget.POLL_LIMITS.budgetMs = budget));

		it("keeps a poll, even one whose every request takes the most it may, inside n8n's 60 s poll timeout and the shortest interval", () => {
			expect(budget).toBe(25_000);
			expect(2 * budget).toBeLessThan(60_000);
		});

		it('a request OpenAI does not answer ends with the budget, not after retries, and the next poll emits what it missed', async () => {
			const trigger = activeTrigger(server, { events: ['auditLog'] });
			await trigger.poll();
			clock.advance(60);
			const [e1] = append(server, [{ type: 'api_key.created' }]);
			pollBudget.POLL_LIMITS.budgetMs = 1_500;
			server.clearRequests();
			server.faults.add({ kind: 'stall', path: AUDIT_LOGS_PATH, times: 1 });
			const started = Date.now();
			const failed = await trigger.pollExpectingError();
			expect(Date.now() - started).toBeLessThan(4_000);
			expect(failed.error?.name).toBe('NodeApiError');
			expect(requestsTo(server, AUDIT_LOGS_PATH)).toHaveLength(1);

			clock.advance(60);
			expect(emittedKeys(await trigger.poll())).toEqual([`auditLog ${e1.id}`]);
		});

		it('a poll whose budget is spent stops before its next request, emits nothing and keeps the cursor', async () => {
			const trigger = activeTrigger(server, WATCHED);
			await trigger.poll();
			clock.advance(60);
			append(server, [{ type: 'api_key.created' }]);
			const before = structuredClone(trigger.saved);
			pollBudget.POLL_LIMITS.budgetMs = 300;
			server.faults.add({ kind: 'latency', ms: 400, path: AUDIT_LOGS_PATH, times: 1 });
			server.clearRequests();
			const failed = await trigger.pollExpectingError();
			expect(failed.error).toMatchObject({ name: 'NodeOperationError' });
			expect(failed.error?.message).toMatch(/^The poll stopped after 0 s of requests to OpenAI/);
			expect(requestsTo(server, PROJECTS_PATH)).toHaveLength(0);
			expect(failed.staticData).toEqual(before);
		});
	});

	it('the first poll after n8n restarts reads from the saved cursor: nothing again, nothing lost', async () => {
		const trigger = activeTrigger(server, WATCHED);
		await trigger.poll();
		clock.advance(60);
		const [e1] = append(server, [{ type: 'api_key.created' }]);
		expect(emittedKeys(await trigger.poll())).toEqual([`auditLog ${e1.id}`]);
		const [e2] = append(server, [{ type: 'user.added' }]);
		const p1 = await createProject(server, 'While n8n was down');
		trigger.restart();
		clock.advance(300);
		const afterRestart = await pollTrigger(triggerWorkflow(WATCHED), { credentials: credentialFor(server, admin), staticData: trigger.saved });
		expect(emittedKeys(afterRestart).sort()).toEqual([`auditLog ${e2.id}`, `projectCreated ${p1.id}`].sort());
	});
});
