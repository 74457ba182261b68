'use strict';
/**
 * Runs a saved workflow in a running n8n the way the editor's "Execute workflow" button does (POST
 * /rest/workflows/:id/run from its trigger, a manual execution), waits for it to end and reads the result. A polling
 * trigger runs its poll once in this mode, which is what "Fetch Test Event" shows.
 */
const fs = require('node:fs');
const path = require('node:path');
const { restClient } = require('../queue/cluster');

/** n8n stores execution data in flatted JSON: its own copy of the parser, from the n8n install. */
function flattedOf(binary) {
	return require(require.resolve('flatted', { paths: [path.dirname(fs.realpathSync(binary))] }));
}

/** The node the editor's button starts from: a trigger no connection leads into. */
function startNode(workflow) {
	const targets = new Set(
		Object.values(workflow.connections ?? {}).flatMap((outputs) => Object.values(outputs).flat(2).map((connection) => connection?.node)),
	);
	const roots = workflow.nodes.filter((node) => !targets.has(node.name) && !node.type.endsWith('.stickyNote'));
	return roots.find((node) => /trigger/i.test(node.type)) ?? roots[0];
}

function editorRunner({ baseUrl, cookie, binary, timeoutMs = 120_000 }) {
	const rest = restClient(baseUrl, cookie);
	const flatted = flattedOf(binary);

	/** `{ status, error, items, lastNode }`: items are what the last node that ran put out. */
	return async function runInEditor(workflowId) {
		const saved = await rest.call('GET', `workflows/${workflowId}`);
		if (!saved.ok) throw new Error(`GET /rest/workflows/${workflowId} answered ${saved.status}: ${saved.text.slice(0, 300)}`);
		const workflowData = saved.json.data;
		const trigger = startNode(workflowData);
		const started = await rest.call('POST', `workflows/${workflowId}/run`, { workflowData, triggerToStartFrom: { name: trigger.name } });
		const executionId = started.json?.data?.executionId;
		if (!started.ok || !executionId) throw new Error(`the run did not start (${started.status}): ${started.text.slice(0, 500)}`);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const answer = await rest.call('GET', `executions/${executionId}`);
			const execution = answer.json?.data;
			if (execution && !['new', 'running', 'waiting'].includes(execution.status)) {
				const data = typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data;
				const resultData = data?.resultData ?? {};
				const lastNode = resultData.lastNodeExecuted;
				const items = resultData.runData?.[lastNode]?.at(-1)?.data?.main?.[0] ?? [];
				const nodeError = Object.values(resultData.runData ?? {}).flat().find((run) => run?.error)?.error;
				const error = resultData.error ?? nodeError;
				return { status: execution.status, error, items, lastNode, runData: resultData.runData ?? {} };
			}
			if (Date.now() > deadline) throw new Error(`execution ${executionId} did not end within ${timeoutMs / 1000} s`);
			await new Promise((resolve) => setTimeout(resolve, 300));
		}
	};
}

module.exports = { editorRunner, startNode };
