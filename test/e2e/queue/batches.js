'use strict';
/**
 * Sending a batch of webhook requests to an n8n, waiting for its executions to end, and reading them back from
 * n8n's own records in its database.
 */
const { jsonLogLines } = require('./cluster');

const FINAL = new Set(['success', 'error', 'crashed', 'canceled']);

/** POSTs every request to the production webhook URL, `concurrency` at a time. Answers `{ request, status, text }`. */
async function sendRequests(baseUrl, requests, concurrency = 16) {
	const answers = new Array(requests.length);
	let next = 0;
	const send = async () => {
		while (next < requests.length) {
			const index = next++;
			const request = requests[index];
			try {
				const response = await fetch(`${baseUrl}/webhook/${request.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.body) });
				answers[index] = { request, status: response.status, text: await response.text() };
			} catch (error) {
				answers[index] = { request, status: 0, text: error.message };
			}
		}
	};
	await Promise.all(Array.from({ length: concurrency }, send));
	return answers;
}

/**
 * n8n's execution records in its PostgreSQL database: `execution_entity` (one row per execution: status, mode,
 * retryOf, retrySuccessId, times) and `execution_data` (the run data, in n8n's flatted JSON).
 */
function executionRecords(postgres, database, flatted) {
	const columns = 'e.id, e.status, e.finished, e.mode, e."retryOf", e."retrySuccessId", e."workflowId", e."startedAt", e."stoppedAt"';
	return {
		lastId: async () => Number((await postgres.rows('SELECT coalesce(max(id), 0) AS id FROM execution_entity', database))[0].id),
		after: (id) => postgres.rows(`SELECT ${columns} FROM execution_entity e WHERE e.id > ${Number(id)} ORDER BY e.id`, database),
		/** `{ summary, key, runData, error, hasExecutionData }`; `key` is the request's key as the Webhook node received it. */
		withData: async (id) => {
			const rows = await postgres.rows(`SELECT ${columns}, d.data FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id WHERE e.id > ${Number(id)} ORDER BY e.id`, database);
			return rows.map(({ data: raw, ...summary }) => {
				const data = raw ? flatted.parse(raw) : undefined;
				const runData = data?.resultData?.runData ?? {};
				const body = runData.Webhook?.[0]?.data?.main?.[0]?.[0]?.json?.body ?? data?.executionData?.nodeExecutionStack?.[0]?.data?.main?.[0]?.[0]?.json?.body;
				return { summary: { ...summary, id: String(summary.id) }, key: body?.key, runData, error: data?.resultData?.error, hasExecutionData: Boolean(data?.executionData) };
			});
		},
	};
}

/**
 * Waits until `count` executions after `lastId` exist and all have ended; answers their summaries. With
 * `unfinishedAllowed`, time running out answers what is there instead of failing.
 */
async function awaitExecutions(records, lastId, count, timeoutMs, { unfinishedAllowed = false } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const fresh = await records.after(lastId);
		const ended = fresh.filter((execution) => FINAL.has(execution.status));
		if (fresh.length >= count && ended.length === fresh.length) return fresh;
		if (Date.now() > deadline && unfinishedAllowed && fresh.length >= count) return fresh;
		if (Date.now() > deadline) {
			const byStatus = {};
			for (const execution of fresh) byStatus[execution.status] = (byStatus[execution.status] ?? 0) + 1;
			throw new Error(`after ${timeoutMs / 1000} s: ${fresh.length} of ${count} executions recorded, by status ${JSON.stringify(byStatus)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/**
 * Which worker ran which execution, from n8n's own records of it: the main instance logs
 * "Execution <id> (job <job>) finished" with the `workerId` (the worker's host id) that the worker reported, and
 * each worker logs "Worker finished execution <id>". Answers `{ byExecution: Map(id → worker label), hostIds }`.
 */
function workerAttribution(logs) {
	const mainLines = jsonLogLines(logs.find((log) => log.label === 'main').text);
	const hostOf = new Map();
	for (const line of mainLines) {
		const match = /^Execution (\d+) \(job \S+\) finished/.exec(line.message ?? '');
		if (match && line.metadata?.workerId) hostOf.set(match[1], line.metadata.workerId);
	}
	const labelOf = new Map();
	for (const log of logs.filter((entry) => entry.worker)) {
		for (const line of jsonLogLines(log.text)) {
			const match = /^Worker finished execution (\d+) /.exec(line.message ?? '');
			if (match) labelOf.set(match[1], log.worker);
		}
	}
	const hostIds = {};
	for (const [id, host] of hostOf) {
		const label = labelOf.get(id);
		if (label) (hostIds[label] ??= new Set()).add(host);
	}
	return { mainSays: hostOf, workersSay: labelOf, hostIds };
}

/** Executions started by a worker's log: "Worker started execution <id>". */
function startedBy(log) {
	return jsonLogLines(log.text)
		.map((line) => /^Worker started execution (\d+) /.exec(line.message ?? '')?.[1])
		.filter(Boolean);
}

module.exports = { sendRequests, executionRecords, awaitExecutions, workerAttribution, startedBy, FINAL };
