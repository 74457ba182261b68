'use strict';
/**
 * The polling trigger inside a real, running n8n (`n8n start`), not `n8n execute` (which cannot start a workflow at
 * a polling trigger): each example that starts with the OpenAI Organization Trigger is imported with its channel
 * pointed at the test server's stand-in channel and published through the REST API; audit-log events appended to
 * the test server must reach the channel within one poll interval, once each, also across a restart of n8n.
 *
 * n8n 2.8.4 refuses poll times whose cron has anything but fixed seconds ("at least a minute"), but a list of seconds
 * passes its check: "0,10,20,30,40,50 * * * * *" polls every 10 s, which keeps this step short. Later n8n (2.41.1)
 * refuses that too, at activation ("The polling interval is too short. It has to be at least a minute."), so when
 * n8n says so the step imports the workflow again polling every minute, the shortest n8n allows there.
 */
const { waitForHealth, ownerSession } = require('./lib/n8n');
const { restClient } = require('./queue/cluster');
const { waitFor } = require('./lib/waitFor');

const TRIGGER = 'n8n-nodes-openai-org.openAiOrganizationTrigger';
const EVERY_10_SECONDS = { seconds: 10, pollTimes: { item: [{ mode: 'custom', cronExpression: '0,10,20,30,40,50 * * * * *' }] } };
const EVERY_MINUTE = { seconds: 60, pollTimes: { item: [{ mode: 'everyMinute' }] } };
const TOO_SHORT = 'The polling interval is too short';
/** Starting the execution and posting take a moment after the poll itself. */
const RUN_SLACK_MS = 5_000;

function isTriggerExample(example) {
	return example.workflow.nodes.some((node) => node.type === TRIGGER);
}

/** The example as the suite activates it: its own id, polled as `interval` says, its HTTP Request posting to the channel. */
function activatable(example, channelUrl, interval) {
	const nodes = example.workflow.nodes.map((node) => {
		if (node.type === TRIGGER) return { ...node, parameters: { ...node.parameters, pollTimes: interval.pollTimes } };
		if (node.type === 'n8n-nodes-base.httpRequest') return { ...node, parameters: { ...node.parameters, url: channelUrl } };
		return node;
	});
	return { ...example.workflow, id: `e2eTrg${example.workflow.id.slice(-10)}`, nodes, active: false };
}

async function startN8n(n8n, owner) {
	const child = n8n.start();
	await waitForHealth(n8n.baseUrl, child);
	const cookie = await waitFor(async () => await ownerSession(n8n.baseUrl, owner).catch(() => undefined), 120_000);
	return { child, rest: restClient(n8n.baseUrl, cookie) };
}

/** Imports the workflow polling at `interval`, starts n8n and activates it; undefined when n8n refuses the interval. */
async function activateWith(n8n, owner, example, server, interval) {
	const workflow = activatable(example, server.channelUrl, interval);
	await n8n.importWorkflows([workflow]);
	const running = await startN8n(n8n, owner);
	await running.rest.activate(workflow.id);
	// n8n reports a refused trigger in its log, seconds after the REST call answered 200.
	const refused = await waitFor(async () => String(running.child.output ?? '').includes(TOO_SHORT), 20_000);
	if (!refused) return running;
	await n8n.stop(running.child);
	return undefined;
}

async function checkTriggerExample({ n8n, server, example, owner, check, note }) {
	await server.reset();
	let interval = EVERY_10_SECONDS;
	let running = await activateWith(n8n, owner, example, server, interval);
	if (!running) {
		note(`${example.file}: this n8n refuses a poll every 10 s ("${TOO_SHORT}…"): polling every minute instead`);
		interval = EVERY_MINUTE;
		running = await activateWith(n8n, owner, example, server, interval);
	}
	const POLL_SECONDS = interval.seconds;
	const name = example.file;
	const posted = async () => (await server.channelMessages()).map((message) => message.eventId);
	try {
		check(`${name}: the workflow is published (activated) in the running n8n, its first poll made at activation`, Boolean(running), 'n8n refused every poll interval tried');
		if (!running) return;
		// The activation's poll saw the world as it was: nothing old is posted.
		await new Promise((resolve) => setTimeout(resolve, POLL_SECONDS * 1000 + 2_000));
		check(`${name}: nothing old is posted after activation`, (await posted()).length === 0, JSON.stringify(await posted()));

		const appended = await server.appendAuditEvents([
			{ type: 'api_key.created', actor_email: 'grace.admin@acme.example' },
			{ type: 'user.added' },
			{ type: 'login.succeeded' },
		]);
		const watched = appended.filter((event) => event.type !== 'login.succeeded').map((event) => event.id);
		const appendedAt = Date.now();
		const delivered = await waitFor(async () => ((await posted()).length >= watched.length ? await posted() : undefined), POLL_SECONDS * 1000 + RUN_SLACK_MS);
		const delayMs = Date.now() - appendedAt;
		note(`${name}: appended events reached the channel after ${(delayMs / 1000).toFixed(1)} s (poll every ${POLL_SECONDS} s)`);
		check(`${name}: the new API-key and member events reach the channel within one poll interval (${POLL_SECONDS} s, plus the run)`, JSON.stringify(delivered) === JSON.stringify(watched), `${JSON.stringify({ delivered, watched, delayMs })}\nn8n's output, last lines:\n${String(running.child.output ?? '').slice(-2500)}`);

		await new Promise((resolve) => setTimeout(resolve, POLL_SECONDS * 1000 + 2_000));
		check(`${name}: later polls post nothing again`, (await posted()).length === watched.length, JSON.stringify(await posted()));

		// n8n stops; an event happens meanwhile; n8n starts again and reactivates the workflow from its database.
		await n8n.stop(running.child);
		running = undefined;
		const [whileDown] = await server.appendAuditEvents([{ type: 'invite.sent' }]);
		running = await startN8n(n8n, owner);
		const afterRestart = await waitFor(async () => ((await posted()).length > watched.length ? await posted() : undefined), 30_000 + POLL_SECONDS * 1000);
		await new Promise((resolve) => setTimeout(resolve, POLL_SECONDS * 1000 + 2_000));
		const final = await posted();
		check(`${name}: after a restart of n8n the event that happened meanwhile is posted, and nothing twice`, Boolean(afterRestart) && JSON.stringify(final) === JSON.stringify([...watched, whileDown.id]), JSON.stringify({ final, expected: [...watched, whileDown.id] }));
	} catch (error) {
		check(`${name}: the trigger runs in a running n8n`, false, `${error.stack}\n${running?.child.output?.slice(-1500) ?? ''}`);
	} finally {
		if (running) await n8n.stop(running.child);
	}
}

module.exports = { isTriggerExample, checkTriggerExample };
