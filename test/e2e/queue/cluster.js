'use strict';
/**
 * n8n's queue mode as users run it: PostgreSQL, Redis, one main instance (`n8n start`) and workers
 * (`n8n worker`), all with EXECUTIONS_MODE=queue and one encryption key, each in its own user folder with the
 * packed package installed in `<user folder>/.n8n/nodes` (README's install without the UI). Also a single n8n in
 * its normal mode (SQLite, runs executions itself) for reference outputs. Everything on 127.0.0.1.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const packaging = require('../lib/packaging');
const { createN8n, waitForHealth, ownerSession } = require('../lib/n8n');
const { startProcess, waitForOutput, stopProcess } = require('../lib/processes');

const ENCRYPTION_KEY = 'openai-org-queue-encryption-key-0001';
const SINGLE_DATABASE = 'n8n_single';
const OWNER = { email: 'queue-owner@n8n-nodes-openai-org.local', firstName: 'Queue', lastName: 'Owner', password: 'Queue-Owner-password-1' };

/** The binary install-n8n.sh installed (the pinned n8n unless N8N_VERSION says otherwise). */
async function installedN8nBinary() {
	return (await packaging.installN8n()).binary;
}

/** n8n's JSON parser for its stored execution data (flatted), from the n8n install itself. */
function loadFlatted(binary) {
	return require(require.resolve('flatted', { paths: [path.dirname(fs.realpathSync(binary))] }));
}

/** A user folder with the tarball installed into its nodes folder. */
async function preparedUserFolder(label, tarball, temporary) {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), `openai-org-queue-${label}-`));
	temporary.push(folder);
	await packaging.installCommunityPackage(folder, tarball);
	return folder;
}

/**
 * Everything an instance prints, kept whole (startProcess keeps only the last 200 kB, and a main instance's log of
 * hundreds of executions is longer): the key scan and the worker attribution read all of it.
 */
function keepWholeOutput(child) {
	const chunks = [];
	child.stdout.on('data', (chunk) => chunks.push(chunk));
	child.stderr.on('data', (chunk) => chunks.push(chunk));
	child.wholeOutput = () => Buffer.concat(chunks).toString('utf8');
	return child;
}

/** The logger as JSON: the main's "Execution … finished" lines then carry the worker's id (`workerId`). */
const LOGGING = { N8N_LOG_FORMAT: 'json', N8N_LOG_LEVEL: 'info' };

/**
 * Queue settings. `lock` shortens how long a dead worker's jobs keep their lock (n8n's defaults: 60 s lock, renewed
 * every 10 s, stalled check every 30 s), so the kill test sees n8n's verdict sooner; the verdict is the same.
 */
function queueEnvironment({ postgres, redis, lock }) {
	return {
		...postgres.n8nEnvironment,
		...redis.n8nEnvironment,
		...LOGGING,
		EXECUTIONS_MODE: 'queue',
		...(lock ? { QUEUE_WORKER_LOCK_DURATION: String(lock.durationMs), QUEUE_WORKER_LOCK_RENEW_TIME: String(lock.renewMs), QUEUE_WORKER_STALLED_INTERVAL: String(lock.stalledIntervalMs) } : {}),
	};
}

/** REST calls as the owner, as the editor makes them. */
function restClient(baseUrl, cookie) {
	const call = async (method, route, body) => {
		const response = await fetch(`${baseUrl}/rest/${route}`, {
			method,
			headers: { cookie: `n8n-auth=${cookie}`, ...(body ? { 'content-type': 'application/json' } : {}) },
			body: body ? JSON.stringify(body) : undefined,
			// A retry answers when the retried execution has ended.
			signal: AbortSignal.timeout(180_000),
		});
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, ok: response.ok, json, text };
	};
	return {
		call,
		/** Publishes (activates) a workflow's current version, as the editor's Publish/Active switch does. */
		activate: async (workflowId) => {
			const workflow = await call('GET', `workflows/${workflowId}`);
			if (!workflow.ok) throw new Error(`GET /rest/workflows/${workflowId} answered ${workflow.status}: ${workflow.text.slice(0, 300)}`);
			const activated = await call('POST', `workflows/${workflowId}/activate`, { versionId: workflow.json.data.versionId });
			if (!activated.ok) throw new Error(`activating ${workflowId} answered ${activated.status}: ${activated.text.slice(0, 500)}`);
		},
		/** The executions list's "Retry" (with the original workflow): POST /rest/executions/:id/retry. */
		retry: (id) => call('POST', `executions/${id}/retry`, { loadWorkflow: false }),
	};
}

/**
 * n8n 2.8.4 answers every route with 200 "n8n is starting up. Please wait" until it is ready (seen here on a fresh
 * PostgreSQL database), so /healthz and /rest/settings answering is not enough: signing in is tried until it
 * gives a session cookie.
 */
async function signedInOwner(baseUrl, timeoutMs = 120_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		let cookie;
		let failure;
		try {
			cookie = await ownerSession(baseUrl, OWNER);
		} catch (error) {
			failure = error;
		}
		if (cookie) return cookie;
		if (Date.now() > deadline) throw failure ?? new Error(`n8n at ${baseUrl} gave no session cookie within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** Imports credentials and workflows with the CLI, starts `n8n start`, signs the owner in, activates the workflows. */
async function startMainInstance({ n8n, credentials, workflows, log }) {
	await n8n.importCredentials(credentials);
	await n8n.importWorkflows(workflows);
	const child = keepWholeOutput(n8n.start());
	child.label = 'main';
	await waitForHealth(n8n.baseUrl, child, 180_000);
	const cookie = await signedInOwner(n8n.baseUrl);
	const rest = restClient(n8n.baseUrl, cookie);
	for (const workflow of workflows) await rest.activate(workflow.id);
	log(`${child.label} ready at ${n8n.baseUrl}, ${workflows.length} workflows active`);
	return { child, rest, baseUrl: n8n.baseUrl };
}

/** Whether `unshare --uts` works here (as root): a process can then get a hostname of its own. */
function canGiveOwnHostname() {
	return spawnSync('unshare', ['--uts', 'hostname', 'openai-org-probe'], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts PostgreSQL-backed queue mode: the main instance and `workerCount` worker folders (started with startWorker).
 * `postgres` and `redis` come from lib/postgres.js and lib/redis.js.
 */
async function createQueueCluster({ binary, tarball, postgres, redis, credentials, workflows, workerCount, lock, temporary, log }) {
	const env = queueEnvironment({ postgres, redis, lock });
	const mainFolder = await preparedUserFolder('main', tarball, temporary);
	const mainN8n = await createN8n({ binary, userFolder: mainFolder, encryptionKey: ENCRYPTION_KEY });
	Object.assign(mainN8n.env, env);
	const main = await startMainInstance({ n8n: mainN8n, credentials, workflows, log });

	const workers = [];
	for (let index = 1; index <= workerCount; index++) {
		const folder = await preparedUserFolder(`worker${index}`, tarball, temporary);
		const n8n = await createN8n({ binary, userFolder: folder, encryptionKey: ENCRYPTION_KEY });
		Object.assign(n8n.env, env);
		workers.push({ label: `worker-${index}`, folder, n8n, child: undefined, logs: [] });
	}

	const ownHostnames = canGiveOwnHostname();
	const startWorker = async (worker) => {
		// Its own hostname, as a worker in its own container has: n8n names a worker by `worker-<hostname>` when it
		// believes it runs in a container (/.dockerenv), so two workers on one such machine would share one id.
		const [command, args] = ownHostnames ? ['unshare', ['--uts', 'sh', '-c', 'hostname "$0" && exec "$@"', worker.label, binary, 'worker']] : [binary, ['worker']];
		const child = keepWholeOutput(startProcess(command, args, { cwd: worker.folder, env: worker.n8n.env }));
		child.label = worker.label;
		worker.child = child;
		worker.logs.push(child);
		await waitForOutput(child, /n8n worker is now ready/, 180_000);
		log(`${worker.label} ready`);
	};

	/** Every main instance run (a restart adds one), for the logs. */
	const mainRuns = [main.child];
	return {
		main,
		mainN8n,
		workers,
		startWorker,
		/** SIGKILL to the main instance's whole process group, as a lost machine; its workers keep running. */
		killMain: async () => {
			process.kill(-main.child.pid, 'SIGKILL');
			await main.child.exited;
			await new Promise((resolve) => setTimeout(resolve, 500));
		},
		/** Starts the main instance again on its folder and database; n8n reactivates the active workflows itself. */
		restartMain: async () => {
			const child = keepWholeOutput(mainN8n.start());
			child.label = 'main';
			await waitForHealth(mainN8n.baseUrl, child, 180_000);
			const rest = restClient(mainN8n.baseUrl, await signedInOwner(mainN8n.baseUrl));
			Object.assign(main, { child, rest });
			mainRuns.push(child);
			log(`main restarted at ${mainN8n.baseUrl}`);
		},
		/** Whether each worker runs under a hostname of its own (a UTS namespace, which needs root). */
		ownHostnames,
		/** SIGKILL to the worker's whole process group (its task runner too), as an out-of-memory kill or a lost machine. */
		killWorker: async (worker) => {
			process.kill(-worker.child.pid, 'SIGKILL');
			await worker.child.exited;
			// What it printed last may still be in the pipe when the exit is reported.
			await new Promise((resolve) => setTimeout(resolve, 500));
		},
		stopWorker: async (worker) => {
			if (worker.child) await stopProcess(worker.child, 30_000);
		},
		/** Everything each instance printed, for the key scan and worker attribution. */
		logs: () => [
			...mainRuns.map((child, run) => ({ label: `main${run ? ` (run ${run + 1})` : ''}`, text: child.wholeOutput() })),
			...workers.flatMap((worker) => worker.logs.map((child, run) => ({ label: `${worker.label}${run ? ` (run ${run + 1})` : ''}`, worker: worker.label, text: child.wholeOutput() }))),
		],
		stop: async () => {
			await Promise.all(workers.filter((worker) => worker.child).map((worker) => stopProcess(worker.child, 30_000)));
			await stopProcess(main.child, 30_000);
		},
	};
}

/**
 * A single n8n in its normal mode (it runs its executions itself), the reference for every output. Its database is
 * a second one in the same PostgreSQL, so that its records are read the same way.
 */
async function startSingleInstance({ binary, tarball, postgres, credentials, workflows, temporary, log }) {
	const folder = await preparedUserFolder('single', tarball, temporary);
	const n8n = await createN8n({ binary, userFolder: folder, encryptionKey: ENCRYPTION_KEY });
	await postgres.createDatabase(SINGLE_DATABASE);
	Object.assign(n8n.env, postgres.environmentFor(SINGLE_DATABASE), LOGGING);
	const instance = await startMainInstance({ n8n, credentials, workflows, log: (line) => log(line.replace(/^main/, 'single n8n')) });
	return { ...instance, database: SINGLE_DATABASE, logs: () => [{ label: 'single n8n', text: instance.child.wholeOutput() }], stop: () => stopProcess(instance.child, 30_000) };
}

/** Reads JSON log lines of one instance; other lines are skipped. */
function jsonLogLines(text) {
	return text
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.flatMap((line) => {
			try {
				return [JSON.parse(line)];
			} catch {
				return [];
			}
		});
}

module.exports = { createQueueCluster, startSingleInstance, installedN8nBinary, loadFlatted, jsonLogLines, restClient, ENCRYPTION_KEY, SINGLE_DATABASE };
