'use strict';
/**
 * The polling trigger inside a real, running n8n (`n8n start`), not `n8n execute` (which cannot start a workflow at
 * a polling trigger): each example that starts with the OpenAI Organization Trigger is imported with its channel
 * pointed at the test server's stand-in channel and published through the REST API; audit-log events appended to
 * the test server must reach the channel within one poll interval, once each, also across a restart of n8n.
 *
 * n8n refuses poll times whose cron has anything but fixed seconds ("at least a minute"), but a list of seconds
 * passes its check: "0,10,20,30,40,50 * * * * *" polls every 10 s, which keeps this step short.
 */
const { waitForHealth, ownerSession } = require('./lib/n8n');
const { restClient } = require('./queue/cluster');

const TRIGGER = 'n8n-nodes-openai-org.openAiOrganizationTrigger';
const POLL_SECONDS = 10;
const EVERY_10_SECONDS = '0,10,20,30,40,50 * * * * *';
/** Starting the execution and posting take a moment after the poll itself. */
const RUN_SLACK_MS = 5_000;

function isTriggerExample(example) {
	return example.workflow.nodes.some((node) => node.type === TRIGGER);
}

/** The example as the suite activates it: its own id, polled every 10 s, its HTTP Request posting to the channel. */
function activatable(example, channelUrl) {
	const nodes = example.workflow.nodes.map((node) => {
		if (node.type === TRIGGER) return { ...node, parameters: { ...node.parameters, pollTimes: { item: [{ mode: 'custom', cronExpression: EVERY_10_SECONDS }] } } };
		if (node.type === 'n8n-nodes-base.httpRequest') return { ...node, parameters: { ...node.parameters, url: channelUrl } };
		return node;
	});
	return { ...example.workflow, id: `e2eTrg${example.workflow.id.slice(-10)}`, nodes, active: false };
}

async function waitFor(condition, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await condition();
		if (value) return value;
		if (Date.now() > deadline) return undefined;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

async function startN8n(n8n, owner) {
	const child = n8n.start();
	await waitForHealth(n8n.baseUrl, child);
	const cookie = await waitFor(async () => await ownerSession(n8n.baseUrl, owner).catch(() => undefined), 120_000);
	return { child, rest: restClient(n8n.baseUrl, cookie) };
}

async function checkTriggerExample({ n8n, server, example, owner, check, note }) {
	const workflow = activatable(example, server.channelUrl);
	await server.reset();
	await n8n.importWorkflows([workflow]);
	let running = await startN8n(n8n, owner);
	const name = example.file;
	const posted = async () => (await server.channelMessages()).map((message) => message.eventId);
	try {
		await running.rest.activate(workflow.id);
		check(`${name}: the workflow is published (activated) in the running n8n, its first poll made at activation`, true);
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
		check(`${name}: the new API-key and member events reach the channel within one poll interval (${POLL_SECONDS} s, plus the run)`, JSON.stringify(delivered) === JSON.stringify(watched), JSON.stringify({ delivered, watched, delayMs }));

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
