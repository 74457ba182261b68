'use strict';
/**
 * `npm run test:queue`: the packed package on n8n's distributed engine. PostgreSQL, Redis, one main instance and
 * two workers of the pinned n8n (EXECUTIONS_MODE=queue), each with the package in its own nodes folder, against the
 * OpenAI test server; everything on 127.0.0.1, stopped at the end, on failure and on Ctrl-C.
 *
 *  1. A single n8n in its normal mode runs the workload once: the reference outputs.
 *  2. Throughput of a latency-bound batch with one worker, then with two.
 *  3. The workload (QUEUE_EXECUTIONS, default 220 webhook calls: project lists and gets, chats with an organization
 *     per item, cost reports, creates) on two workers: every execution succeeds with the reference output, both
 *     workers ran a fair share (n8n's records), no project twice, no full key in any log.
 *  4. One worker is killed (SIGKILL) in the middle of a batch: what n8n does with its executions is recorded, the
 *     failed ones are run again as a user would (n8n's Retry, else the webhook again), and nothing is lost or created
 *     twice.
 *  5. The polling trigger (the audit-log example) is activated on the main instance; its events reach the channel
 *     through the workers; the main instance is killed (SIGKILL) while a poll waits on OpenAI and started again:
 *     every event is delivered exactly once, in order (queue/triggerRestart.js).
 * One line per check, `N passed, M failed` last; the figures go to test/e2e/artifacts/queue-report.json.
 */
const fs = require('node:fs');
const path = require('node:path');
const packaging = require('./lib/packaging');
const { stopAllProcesses, stopAllOnExit } = require('./lib/processes');
const { createReport } = require('./lib/report');
const { leaksAnyKey } = require('./lib/expectations');
const { createQueueCluster, startSingleInstance } = require('./queue/cluster');
const { startQueueEnvironment, measureScaling } = require('./queue/environment');
const { sendRequests, executionRecords, awaitExecutions, workerAttribution, startedBy, FINAL } = require('./queue/batches');
const { KILL_KINDS, plannedRequests, comparableOutput } = require('./queue/workload');
const { triggerRestartTest } = require('./queue/triggerRestart');

const WORKLOAD = Number(process.env.QUEUE_EXECUTIONS ?? 220);
const THROUGHPUT_EXECUTIONS = Number(process.env.QUEUE_THROUGHPUT_EXECUTIONS ?? 100);
/** Test server latency in the kill batch. */
const LATENCY_MS = 200;
/**
 * Test server latency in the throughput batches. At 200 ms the batch ended about 1 s after the main instance had
 * answered its last webhook call (4.4–4.9 s for 100 calls on a 2-CPU machine), whichever the number of workers: the
 * main's intake set the pace. At 1 s an execution waits long enough that the workers set it.
 */
const THROUGHPUT_LATENCY_MS = Number(process.env.QUEUE_THROUGHPUT_LATENCY_MS ?? 1000);
const KILL_BATCH = 60;
/** Executions the doomed worker must have started before it is killed. */
const KILL_AFTER_STARTED = 4;
/** n8n's defaults are a 60 s lock renewed every 10 s and a stalled check every 30 s; same verdict, sooner. */
const LOCK = { durationMs: 20_000, renewMs: 5_000, stalledIntervalMs: 10_000 };
const REPORT_FILE = path.join(__dirname, 'artifacts', 'queue-report.json');

const report = createReport();
const temporary = [];
const figures = { date: new Date().toISOString(), node: process.version, workload: WORKLOAD, lock: LOCK };
const log = (line) => report.note(line);

const sameJson = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const share = (part, whole) => `${part}/${whole} (${Math.round((100 * part) / whole)} %)`;

/** Sends a batch, waits for every execution and reads them back: `{ answers, executions }`. */
async function runBatch(instance, records, requests, timeoutMs = 600_000) {
	const before = await records.lastId();
	const answers = await sendRequests(instance.baseUrl, requests);
	await awaitExecutions(records, before, requests.length, timeoutMs);
	return { answers, executions: await records.withData(before) };
}

async function referenceOutputs(env, requests, world) {
	const single = await startSingleInstance({ ...env, temporary, log });
	try {
		const records = executionRecords(env.postgres, single.database, env.flatted);
		await env.server.reset();
		const { executions } = await runBatch(single, records, requests);
		const failed = executions.filter((execution) => execution.summary.status !== 'success');
		report.check(`a single n8n (normal mode) runs the ${requests.length} requests of the workload: all succeed`, executions.length === requests.length && failed.length === 0, `${executions.length} executions, ${failed.length} not successful: ${JSON.stringify(failed.slice(0, 2).map((e) => [e.key, e.error?.message]))}`);
		const byRequest = new Map(requests.map((request) => [request.key, request]));
		const outputs = new Map(executions.filter((execution) => byRequest.has(execution.key)).map((execution) => [byRequest.get(execution.key).comparableKey, comparableOutput(byRequest.get(execution.key).kind, execution.runData, world.run)]));
		return { outputs, logs: single.logs() };
	} finally {
		await single.stop();
	}
}

/** Every request of `requests` has exactly one successful execution whose output is the reference's. */
function checkOutputs(label, requests, executions, reference, run) {
	const successes = new Map();
	for (const execution of executions.filter((entry) => entry.summary.status === 'success')) {
		successes.set(execution.key, [...(successes.get(execution.key) ?? []), execution]);
	}
	const missing = requests.filter((request) => !successes.has(request.key)).map((request) => request.key);
	const twice = [...successes].filter(([, list]) => list.length > 1).map(([key]) => key);
	report.check(`${label}: every request has exactly one successful execution`, missing.length === 0 && twice.length === 0, `without success: ${missing.slice(0, 5).join(', ')} (${missing.length}); more than one: ${twice.join(', ')}`);
	const differ = requests.filter((request) => {
		const execution = successes.get(request.key)?.[0];
		return execution && !sameJson(comparableOutput(request.kind, execution.runData, run), reference.get(request.comparableKey));
	});
	const example = differ[0] && JSON.stringify({ key: differ[0].key, queue: comparableOutput(differ[0].kind, successes.get(differ[0].key)[0].runData, run).slice(0, 2), single: reference.get(differ[0].comparableKey)?.slice(0, 2) }).slice(0, 1500);
	report.check(`${label}: every output is the one a single n8n gives for the same request`, differ.length === 0, `${differ.length} differ, e.g. ${example}`);
	return successes;
}

/** The organization each chat completion was billed to is the one its item named. */
function checkChatOrganizations(label, requests, successes) {
	const chats = requests.filter((request) => request.kind === 'chat');
	const wrong = chats.filter((request) => {
		const items = successes.get(request.key)?.[0]?.runData.Chat?.[0]?.data?.main?.[0] ?? [];
		return items.length !== request.body.items.length || items.some((item, index) => item.json.organizationId !== request.body.items[index].organizationId);
	});
	report.check(`${label}: each chat item ran under the organization it named (${chats.length} executions, ${chats.length * 4} items, two organizations)`, chats.length > 0 && wrong.length === 0, wrong.slice(0, 3).map((request) => request.key).join(', '));
}

/** No name was created twice: at most one create request per name reached the test server, and one project exists. */
async function checkNoProjectTwice(label, server, run, expectedNames) {
	const prefix = `Queue ${run} `;
	const creates = (await server.requests()).filter((request) => request.method === 'POST' && /\/organization\/projects$/.test(request.path) && String(request.body?.name ?? '').startsWith(prefix));
	const posted = new Map();
	for (const request of creates) posted.set(request.body.name, (posted.get(request.body.name) ?? 0) + 1);
	const projects = (await server.state()).projects.filter((project) => project.name.startsWith(prefix));
	const names = new Map();
	for (const project of projects) names.set(project.name, (names.get(project.name) ?? 0) + 1);
	const postedTwice = [...posted].filter(([, count]) => count > 1).map(([name]) => name);
	const existTwice = [...names].filter(([, count]) => count > 1).map(([name]) => name);
	const absent = expectedNames.filter((name) => !names.has(name));
	report.check(`${label}: no project created twice (${names.size} projects, ${creates.length} create requests at the test server)`, postedTwice.length === 0 && existTwice.length === 0 && absent.length === 0, `sent twice: ${postedTwice.join(', ')}; exist twice: ${existTwice.join(', ')}; missing: ${absent.join(', ')}`);
	return { creates, projects };
}

/** Both workers ran a fair share, by n8n's records: the main instance's "finished" log with each worker's id. */
function checkWorkerShares(label, cluster, ids) {
	const attribution = workerAttribution(cluster.logs());
	const counts = {};
	for (const id of ids) {
		const worker = attribution.workersSay.get(id) ?? 'unknown';
		counts[worker] = (counts[worker] ?? 0) + 1;
	}
	const hostIds = JSON.stringify(Object.fromEntries(Object.entries(attribution.hostIds).map(([worker, hosts]) => [worker, [...hosts]])));
	const mainNamesAll = ids.every((id) => attribution.mainSays.has(id));
	if (cluster.ownHostnames) {
		const onePerWorker = Object.values(attribution.hostIds).every((hosts) => hosts.size === 1) && new Set(Object.values(attribution.hostIds).map((hosts) => [...hosts][0])).size === Object.keys(attribution.hostIds).length;
		report.check(`${label}: the main instance's records name the worker of every execution, one host id per worker: ${hostIds}`, mainNamesAll && onePerWorker, hostIds);
	} else {
		// Without root the workers share this machine's hostname, and n8n in a container names a worker by its
		// hostname: the main's records then cannot tell them apart, and the share below rests on the workers' own logs.
		report.check(`${label}: the main instance's records name a worker for every execution (one hostname for both workers here: ${hostIds})`, mainNamesAll, hostIds);
	}
	const labels = cluster.workers.map((worker) => worker.label);
	const fair = labels.every((worker) => (counts[worker] ?? 0) >= 0.25 * ids.length);
	report.check(`${label}: both workers ran a fair share (each at least 25 %): ${labels.map((worker) => `${worker} ${share(counts[worker] ?? 0, ids.length)}`).join(', ')}`, fair && !counts.unknown, JSON.stringify(counts));
	return counts;
}

async function throughput(env, cluster, records) {
	const { one, two } = await measureScaling({ env, cluster, records, runs: 1, executions: THROUGHPUT_EXECUTIONS, latencyMs: THROUGHPUT_LATENCY_MS });
	const summary = (result, workers) => {
		report.check(`throughput with ${workers}: all ${result.executions} executions succeed (${result.perSecond.toFixed(1)} executions/s, ${result.seconds.toFixed(1)} s; the main instance had answered every webhook call after ${result.acceptedSeconds.toFixed(1)} s)`, result.succeeded === THROUGHPUT_EXECUTIONS && result.executions === THROUGHPUT_EXECUTIONS, JSON.stringify({ ...result, summaries: undefined }));
		return { workers, executions: result.executions, seconds: result.seconds, acceptedSeconds: result.acceptedSeconds, perSecond: result.perSecond };
	};
	figures.throughput = { latencyMs: THROUGHPUT_LATENCY_MS, concurrencyPerWorker: 10, one: summary(one[0], '1 worker'), two: summary(two[0], '2 workers') };
	figures.throughput.ratio = figures.throughput.two.perSecond / figures.throughput.one.perSecond;
	report.note(`throughput, ${THROUGHPUT_LATENCY_MS} ms test server latency: 1 worker ${figures.throughput.one.perSecond.toFixed(1)}/s, 2 workers ${figures.throughput.two.perSecond.toFixed(1)}/s, ratio ${figures.throughput.ratio.toFixed(2)}`);
}

async function mainWorkload(env, cluster, records, requests, reference) {
	await env.server.reset();
	const { answers, executions } = await runBatch(cluster.main, records, requests);
	report.check(`queue mode: the main instance accepted all ${requests.length} webhook calls (production URLs of active workflows)`, answers.every((answer) => answer.status === 200), JSON.stringify(answers.filter((answer) => answer.status !== 200).slice(0, 3).map((answer) => [answer.request.key, answer.status, answer.text.slice(0, 200)])));
	const byStatus = {};
	for (const execution of executions) byStatus[execution.summary.status] = (byStatus[execution.summary.status] ?? 0) + 1;
	report.check(`queue mode: ${requests.length} executions recorded, all successful (${JSON.stringify(byStatus)})`, executions.length === requests.length && byStatus.success === requests.length, JSON.stringify(executions.filter((e) => e.summary.status !== 'success').slice(0, 2).map((e) => [e.key, e.error?.message])));
	report.check('queue mode: every execution ran in mode "webhook"', executions.every((execution) => execution.summary.mode === 'webhook'), JSON.stringify([...new Set(executions.map((execution) => execution.summary.mode))]));
	const successes = checkOutputs('queue mode', requests, executions, reference, 'main');
	checkChatOrganizations('queue mode', requests, successes);
	const creates = requests.filter((request) => request.kind === 'projects-create').map((request) => request.body.name);
	await checkNoProjectTwice('queue mode', env.server, 'main', creates);
	figures.workload = { executions: executions.length, byStatus, byKind: countBy(requests, (request) => request.kind), byWorker: checkWorkerShares('queue mode', cluster, executions.map((execution) => execution.summary.id)) };
}

function countBy(list, keyOf) {
	const counts = {};
	for (const entry of list) counts[keyOf(entry)] = (counts[keyOf(entry)] ?? 0) + 1;
	return counts;
}

async function until(condition, timeoutMs, what) {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** SIGKILL one worker in the middle of a batch; record n8n's verdict; rerun what failed; nothing lost, nothing twice. */
async function killTest(env, cluster, records, reference, world) {
	const { server } = env;
	const [survivor, victim] = cluster.workers;
	const requests = plannedRequests(KILL_BATCH, env.F, world('kill'), KILL_KINDS);
	await server.reset();
	await server.addFault({ kind: 'latency', ms: LATENCY_MS, times: -1 });
	const before = await records.lastId();
	const victimLog = () => ({ text: victim.child.wholeOutput() });
	const startedEarlier = startedBy(victimLog()).length;
	const sending = sendRequests(cluster.main.baseUrl, requests, 8);
	await until(() => startedBy(victimLog()).length - startedEarlier >= KILL_AFTER_STARTED, 120_000, `${victim.label} to start ${KILL_AFTER_STARTED} executions`);
	const killedAt = Date.now();
	const killed = victim.child;
	await cluster.killWorker(victim);
	// Read after the kill, from everything the dead worker printed: what it had started and not finished.
	const killedLog = { label: victim.label, worker: victim.label, text: killed.wholeOutput() };
	const startedInBatch = startedBy(killedLog).slice(startedEarlier);
	const finishedByVictim = new Set(workerAttribution([{ label: 'main', text: '' }, killedLog]).workersSay.keys());
	const inFlight = startedInBatch.filter((id) => !finishedByVictim.has(id));
	const finishedInBatch = startedInBatch.filter((id) => finishedByVictim.has(id));
	report.note(`${victim.label} killed (SIGKILL) with ${inFlight.length} executions in flight (${inFlight.join(', ')}); it had finished ${finishedInBatch.length} of the batch`);
	const answers = await sending;
	report.check(`kill: the main instance accepted all ${requests.length} webhook calls of the batch`, answers.every((answer) => answer.status === 200), JSON.stringify(answers.filter((answer) => answer.status !== 200).slice(0, 3).map((answer) => [answer.request.key, answer.status])));
	// What n8n's records hold before its verdict: every execution of the batch with the webhook's input (its key).
	const keyAtKill = new Map((await records.withData(before)).map((execution) => [execution.summary.id, execution.key]));
	// n8n's verdict comes when the dead worker's job locks have run out and a live worker's stalled check sees them.
	const verdictWithinMs = LOCK.durationMs + LOCK.stalledIntervalMs + 60_000;
	await awaitExecutions(records, before, requests.length, verdictWithinMs, { unfinishedAllowed: true });
	const afterKill = await records.withData(before);
	const unfinished = afterKill.filter((execution) => !FINAL.has(execution.summary.status));
	if (unfinished.length) report.note(`${unfinished.length} executions still "${[...new Set(unfinished.map((execution) => execution.summary.status))].join('", "')}" ${Math.round((Date.now() - killedAt) / 1000)} s after the kill: ${unfinished.map((execution) => execution.summary.id).join(', ')}`);
	const verdict = afterKill.map((execution) => ({
		id: execution.summary.id,
		key: keyAtKill.get(execution.summary.id) ?? execution.key,
		status: execution.summary.status,
		finished: execution.summary.finished,
		inFlightAtKill: inFlight.includes(execution.summary.id),
		error: execution.error?.message,
		// The webhook's input is still in n8n's record of the execution (what a Retry would start from).
		inputKept: execution.key !== undefined,
		secondsAfterKill: execution.summary.stoppedAt ? Math.round((Date.parse(execution.summary.stoppedAt) - killedAt) / 100) / 10 : undefined,
	}));
	const failed = verdict.filter((execution) => execution.status !== 'success');
	const workersSay = workerAttribution(cluster.logs()).workersSay;
	const ranOnSurvivor = afterKill.filter((execution) => workersSay.get(execution.summary.id) === survivor.label).length;
	const failedIds = failed.map((execution) => execution.id);
	report.check(`kill: the executions ${victim.label} was running failed (${inFlight.length} in flight at the kill, ${failed.length} failed), and only those`, inFlight.length > 0 && inFlight.every((id) => failedIds.includes(id)) && failed.every((execution) => workersSay.get(execution.id) !== survivor.label) && failed.length <= 10, JSON.stringify({ failed: failedIds, inFlight }));
	report.check(`kill: ${survivor.label} ran the rest of the batch (${ranOnSurvivor} executions; ${victim.label} had finished ${finishedInBatch.length} before it died)`, ranOnSurvivor + finishedInBatch.length + failed.length === requests.length, `${ranOnSurvivor} + ${finishedInBatch.length} + ${failed.length} of ${requests.length}`);
	const dbRows = await env.postgres.rows(`SELECT id, status, finished, mode, "retryOf", "retrySuccessId" FROM execution_entity WHERE id IN (${failed.map((execution) => Number(execution.id)).join(',') || 0}) ORDER BY id`);
	report.note(`n8n's verdict on the killed worker's executions (execution_entity): ${JSON.stringify(dbRows)}`);
	report.note(`their error: ${JSON.stringify([...new Set(failed.map((execution) => execution.error))])}; the webhook's input still in the record: ${failed.filter((execution) => execution.inputKept).length} of ${failed.length} (it was in ${failed.filter((execution) => keyAtKill.get(execution.id) !== undefined).length} of ${failed.length} before the verdict); ended ${Math.min(...failed.map((e) => e.secondsAfterKill))}–${Math.max(...failed.map((e) => e.secondsAfterKill))} s after the kill`);

	// What a user does next: the worker comes back (a container restarts), then presses Retry on each failed execution.
	await cluster.startWorker(victim);
	const retries = [];
	for (const execution of failed) {
		const answer = await cluster.main.rest.retry(execution.id);
		retries.push({ id: execution.id, key: execution.key, status: answer.status, message: answer.json?.message ?? answer.json?.data?.status ?? answer.text.slice(0, 200) });
	}
	const refused = retries.filter((retry) => retry.status !== 200);
	// The executions n8n started for the Retry (retryOf = the failed one), read back once they have ended.
	const retryRows = async () => (failedIds.length ? await env.postgres.rows(`SELECT id, status, "retryOf" FROM execution_entity WHERE "retryOf" IN (${failedIds.map((id) => `'${Number(id)}'`).join(',')}) ORDER BY id`) : []);
	await until(async () => (await retryRows()).filter((row) => FINAL.has(row.status)).length >= retries.length - refused.length, 180_000, 'the retried executions to end');
	const retried = (await records.withData(before)).filter((execution) => execution.summary.retryOf && failedIds.includes(String(execution.summary.retryOf)));
	const retriedByStatus = countBy(retried, (execution) => execution.summary.status);
	const retriedErrors = [...new Set(retried.filter((execution) => execution.summary.status !== 'success').map((execution) => execution.error?.message ?? '(no error stored)'))];
	report.note(`Retry (POST /rest/executions/:id/retry, the executions list's button): ${retries.length - refused.length} accepted, ${refused.length} refused${refused.length ? `: "${[...new Set(refused.map((retry) => retry.message))].join('", "')}"` : ''}; the retried executions ended ${JSON.stringify(retriedByStatus)}${retriedErrors.length ? `, error: ${JSON.stringify(retriedErrors)}` : ''}`);

	// A request that still has no successful execution is lost unless its sender sends it again (the webhook had
	// answered "Workflow was started", so the sender learns of the failure only from n8n's executions list).
	const succeeded = new Set((await records.withData(before)).filter((execution) => execution.summary.status === 'success').map((execution) => execution.key));
	const lost = requests.filter((request) => !succeeded.has(request.key));
	const failedKeys = new Set(failed.map((execution) => execution.key));
	report.check(`kill: the requests without a successful execution after Retry are those of the failed executions (${lost.length})`, lost.length === failed.length && lost.every((request) => failedKeys.has(request.key)), JSON.stringify({ lost: lost.map((request) => request.key), failed: [...failedKeys] }));
	const createsBeforeResend = (await server.requests()).filter((request) => request.method === 'POST' && /\/organization\/projects$/.test(request.path));
	const resent = await sendRequests(cluster.main.baseUrl, lost, 8);
	report.check(`kill: every lost request was sent again and accepted (${resent.length})`, resent.every((answer) => answer.status === 200), JSON.stringify(resent.filter((answer) => answer.status !== 200)));
	await awaitExecutions(records, before, requests.length + retried.length + resent.length, 10 * 60_000);
	const all = await records.withData(before);
	checkOutputs('kill', requests, all, reference, 'kill');
	const createNames = requests.filter((request) => request.kind === 'projects-create-once').map((request) => request.body.name);
	await checkNoProjectTwice('kill', server, 'kill', createNames);
	const lostCreates = lost.filter((request) => request.kind === 'projects-create-once' && createsBeforeResend.some((create) => create.body?.name === request.body.name));
	report.note(`creates that OpenAI had done before their worker died: ${lostCreates.length} (${lostCreates.map((request) => request.key).join(', ')}); on the resend the workflow found them instead of creating them again`);
	figures.kill = {
		batch: requests.length,
		inFlight,
		failed,
		executionEntity: dbRows,
		retries,
		retried: retried.map((execution) => ({ id: execution.summary.id, retryOf: execution.summary.retryOf, status: execution.summary.status, error: execution.error?.message })),
		resent: lost.map((request) => request.key),
		lostCreates: lostCreates.map((request) => request.key),
		survivorRan: ranOnSurvivor,
	};
}

function checkLogs(env, logs) {
	const keys = env.F.ALL_FIXTURE_KEYS;
	for (const entry of logs) {
		report.check(`no full API key in the log of ${entry.label} (${Math.round(entry.text.length / 1024)} kB)`, entry.text.length > 0 && !leaksAnyKey(entry.text, keys));
	}
}

async function main() {
	const build = await packaging.buildPackage();
	report.check('npm run build succeeds', build.code === 0, (build.stdout + build.stderr).slice(-1000));
	const env = await startQueueEnvironment({ log, temporary });
	try {
		const world = (run) => ({ run, acmeProjectIds: env.acmeProjectIds });
		const requests = plannedRequests(WORKLOAD, env.F, world('main'));
		report.note(`workload: ${WORKLOAD} webhook calls, ${JSON.stringify(countBy(requests, (request) => request.kind))}`);
		const reference = await referenceOutputs(env, requests, world('main'));
		const cluster = await createQueueCluster({ ...env, workerCount: 2, lock: LOCK, temporary, log });
		try {
			const records = executionRecords(env.postgres, 'n8n', env.flatted);
			await throughput(env, cluster, records);
			await mainWorkload(env, cluster, records, requests, reference.outputs);
			await killTest(env, cluster, records, reference.outputs, world);
			await triggerRestartTest({ env, cluster, report, log, figures });
			checkLogs(env, [...reference.logs, ...cluster.logs()]);
		} finally {
			await cluster.stop();
		}
	} finally {
		await env.stop();
	}
}

stopAllOnExit(() => {
	for (const folder of temporary) fs.rmSync(folder, { recursive: true, force: true });
	process.stdout.write(`\nInterrupted: every process the suite started is stopped.\n${report.summary()}\n`);
});
const started = Date.now();
main()
	.catch((error) => report.check('the queue suite runs to its end', false, error.stack))
	.finally(async () => {
		await stopAllProcesses();
		for (const folder of temporary) fs.rmSync(folder, { recursive: true, force: true });
		figures.seconds = Math.round((Date.now() - started) / 1000);
		fs.mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
		fs.writeFileSync(REPORT_FILE, `${JSON.stringify(figures, null, '\t')}\n`);
		process.stdout.write(`artifact: ${REPORT_FILE}\n`);
		report.note(`took ${figures.seconds} s`);
		process.stdout.write(`${report.summary()}\n`);
		process.exitCode = report.failed ? 1 : 0;
	});
