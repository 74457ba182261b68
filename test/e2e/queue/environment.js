'use strict';
/**
 * What the queue suite and its benchmark share: the packed package, the pinned n8n, the OpenAI test server,
 * PostgreSQL and Redis, and the workload's credentials and workflows. `stop()` ends every process and deletes
 * every folder it made; `temporary` collects the folders so that a Ctrl-C handler can delete them too.
 */
const path = require('node:path');
const packaging = require('../lib/packaging');
const { startPostgres } = require('../lib/postgres');
const { startRedis } = require('../lib/redis');
const { startTestServer, loadFixtures } = require('../lib/testServer');
const { installedN8nBinary, loadFlatted } = require('./cluster');
const { KINDS, KILL_KINDS, queueCredentials, plannedRequests } = require('./workload');
const { sendRequests, awaitExecutions } = require('./batches');

/** Seeded Acme projects besides the fixtures: enough for one page of every list in the workload. */
const EXTRA_PROJECTS = 60;

async function startQueueEnvironment({ log, temporary }) {
	const tarball = await packaging.packPackage();
	temporary.push(path.dirname(tarball));
	const binary = await installedN8nBinary();
	const F = loadFixtures();
	const server = await startTestServer({ args: ['--projects', String(EXTRA_PROJECTS)] });
	const [postgres, redis] = await Promise.all([startPostgres(), startRedis({ log })]);
	temporary.push(postgres.folder, redis.folder);
	log(`PostgreSQL on 127.0.0.1:${postgres.port}, Redis on 127.0.0.1:${redis.port}, OpenAI test server at ${server.url}`);
	const state = await server.state();
	const acmeProjectIds = state.projects.filter((project) => project.organizationId === F.ORG_ACME && project.archivedAt === null).map((project) => project.id).slice(0, 25);
	const workflows = [...new Map([...KINDS, ...KILL_KINDS].map((kind) => [kind.kind, kind.workflow(F)])).values()];
	return {
		tarball,
		binary,
		F,
		server,
		postgres,
		redis,
		flatted: loadFlatted(binary),
		acmeProjectIds,
		credentials: queueCredentials(server.url, F),
		workflows,
		stop: async () => {
			await Promise.allSettled([server.stop(), postgres.stop(), redis.stop()]);
		},
	};
}

/**
 * Sends `requests` to the main instance with every test server answer delayed by `latencyMs`, and measures from
 * the first request sent to the last execution's end as n8n recorded it. Answers
 * `{ executions, succeeded, seconds, acceptedSeconds, perSecond, summaries }`.
 */
async function measureThroughput({ main, records, server, requests, latencyMs, timeoutMs = 600_000 }) {
	await server.reset();
	await server.addFault({ kind: 'latency', ms: latencyMs, times: -1 });
	const before = await records.lastId();
	const started = Date.now();
	const answers = await sendRequests(main.baseUrl, requests, 32);
	const acceptedSeconds = (Date.now() - started) / 1000;
	const summaries = await awaitExecutions(records, before, requests.length, timeoutMs);
	const lastStop = Math.max(...summaries.map((execution) => Date.parse(execution.stoppedAt)));
	const seconds = (lastStop - started) / 1000;
	await server.reset();
	return {
		executions: summaries.length,
		accepted: answers.filter((answer) => answer.status === 200).length,
		succeeded: summaries.filter((execution) => execution.status === 'success').length,
		seconds,
		/** How long the main instance took to answer every webhook call (it queues each run and answers at once). */
		acceptedSeconds,
		perSecond: summaries.length / seconds,
		summaries,
	};
}

/**
 * The same latency-bound batch (`executions` requests of the workload's mix, every answer `latencyMs` late) on one
 * worker, then on two: starts worker 1, measures `runs` times, starts worker 2, measures `runs` times.
 * Answers `{ one: [result…], two: [result…] }` (results of measureThroughput).
 */
async function measureScaling({ env, cluster, records, runs, executions, latencyMs }) {
	const batch = async (label, run) => {
		const requests = plannedRequests(executions, env.F, { run: `${label}${run}`, acmeProjectIds: env.acmeProjectIds });
		return await measureThroughput({ main: cluster.main, records, server: env.server, requests, latencyMs });
	};
	const one = [];
	const two = [];
	await cluster.startWorker(cluster.workers[0]);
	for (let run = 0; run < runs; run++) one.push(await batch('one', run));
	await cluster.startWorker(cluster.workers[1]);
	for (let run = 0; run < runs; run++) two.push(await batch('two', run));
	return { one, two };
}

module.exports = { startQueueEnvironment, measureThroughput, measureScaling, EXTRA_PROJECTS };
