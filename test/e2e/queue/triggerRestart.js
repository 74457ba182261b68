'use strict';
/**
 * The polling trigger in queue mode: the main instance runs the trigger's polls (n8n polls only on the main, or on
 * the leader of several), the workers run the executions its events start. The example "audit trigger → post to a
 * channel" is activated on the main, polling every 10 s; events reach the channel; then the main instance is killed
 * (SIGKILL) while a poll waits on OpenAI, more events happen, the main starts again and reactivates the workflow from
 * the database, and every event must be in the channel exactly once, in order.
 */
const fs = require('node:fs');
const path = require('node:path');

const { waitFor } = require('../lib/waitFor');

const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', 'audit-trigger-post-new-api-key-and-member-events.json');
const TRIGGER = 'n8n-nodes-openai-org.openAiOrganizationTrigger';
const WORKFLOW_ID = 'queueTrigger0001';
const POLL_SECONDS = 10;
/** n8n 2.8.4 accepts a list of seconds as a custom poll time (see test/e2e/trigger.js). */
const EVERY_10_SECONDS = { item: [{ mode: 'custom', cronExpression: '0,10,20,30,40,50 * * * * *' }] };
/** How long the poll the kill interrupts waits on the audit log: longer than the kill takes to arrive. */
const HELD_POLL_MS = 15_000;
const AUDIT_LOGS_PATH = '/v1/organization/audit_logs';

/** The example as a user imports it, its channel pointed at the test server's, on the queue suite's Admin credential. */
function triggerWorkflow(channelUrl, adminCredential) {
	const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	const nodes = example.nodes.map((node) => {
		if (node.type === TRIGGER) return { ...node, credentials: { openAiAdminApi: adminCredential }, parameters: { ...node.parameters, pollTimes: EVERY_10_SECONDS } };
		if (node.type === 'n8n-nodes-base.httpRequest') return { ...node, parameters: { ...node.parameters, url: channelUrl } };
		return node;
	});
	return { ...example, id: WORKFLOW_ID, name: 'Queue: audit trigger', nodes, active: false };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function triggerRestartTest({ env, cluster, report, log, figures }) {
	const { server } = env;
	await server.reset();
	const adminCredential = { id: env.credentials[0].id, name: env.credentials[0].name };
	await cluster.mainN8n.importWorkflows([triggerWorkflow(server.channelUrl, adminCredential)]);
	await cluster.main.rest.activate(WORKFLOW_ID);
	const posted = async () => (await server.channelMessages()).map((message) => message.eventId);
	const watched = (events) => events.filter((event) => event.type !== 'login.succeeded').map((event) => event.id);

	// The activation's poll has seen the world as it was: events from now on.
	await sleep(2_000);
	const before = watched(await server.appendAuditEvents([{ type: 'api_key.created', actor_email: 'grace.admin@acme.example' }, { type: 'login.succeeded' }, { type: 'user.added' }]));
	const delivered = await waitFor(async () => ((await posted()).length >= before.length ? await posted() : undefined), (POLL_SECONDS + 20) * 1000);
	report.check(`trigger in queue mode: the main instance polls, the workers run what it starts: ${before.length} events in the channel within a poll (every ${POLL_SECONDS} s)`, JSON.stringify(delivered) === JSON.stringify(before), JSON.stringify({ delivered, before }));

	// The next poll waits on OpenAI's answer; the main instance dies while it does.
	await server.addFault({ kind: 'latency', ms: HELD_POLL_MS, path: AUDIT_LOGS_PATH, times: 1 });
	const requestsBefore = (await server.requests()).filter((request) => request.path === AUDIT_LOGS_PATH).length;
	const during = watched(await server.appendAuditEvents([{ type: 'invite.sent' }, { type: 'api_key.deleted' }]));
	const pollStarted = await waitFor(async () => (await server.requests()).filter((request) => request.path === AUDIT_LOGS_PATH).length > requestsBefore, (POLL_SECONDS + 10) * 1000);
	report.check('trigger in queue mode: a poll is waiting on OpenAI when the main instance is killed', Boolean(pollStarted));
	const killedAt = Date.now();
	await cluster.killMain();
	log(`main instance killed (SIGKILL) in the middle of a poll`);
	const whileDown = watched(await server.appendAuditEvents([{ type: 'user.updated' }]));
	await cluster.restartMain();
	const restartedSeconds = Math.round((Date.now() - killedAt) / 1000);

	const expected = [...before, ...during, ...whileDown];
	const afterRestart = await waitFor(async () => ((await posted()).length >= expected.length ? await posted() : undefined), (POLL_SECONDS + 60) * 1000);
	const deliveredSeconds = Math.round((Date.now() - killedAt) / 1000);
	// Two more polls: nothing may come twice.
	await sleep((2 * POLL_SECONDS + 5) * 1000);
	const final = await posted();
	const twice = final.filter((id, index) => final.indexOf(id) !== index);
	const missing = expected.filter((id) => !final.includes(id));
	report.check(
		`trigger in queue mode: after the main instance was killed mid-poll and restarted (${restartedSeconds} s), every event is in the channel exactly once, in order (${expected.length} events; all there ${deliveredSeconds} s after the kill)`,
		Boolean(afterRestart) && JSON.stringify(final) === JSON.stringify(expected),
		JSON.stringify({ final, expected, twice, missing }),
	);
	figures.triggerRestart = { events: expected.length, restartedSeconds, deliveredSeconds, twice: twice.length, missing: missing.length };
}

module.exports = { triggerRestartTest };
