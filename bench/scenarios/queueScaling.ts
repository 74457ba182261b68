/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- bench code: drives a real n8n from plain Node, never runs inside n8n */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { BenchConfig } from '../config';
import { formatSpread } from '../scenarioResult';
import type { ScenarioResult } from '../scenarioResult';
import { spreadOf } from '../stats';
import { installedN8nBinary } from './n8nInstall';

interface Throughput {
	executions: number;
	succeeded: number;
	seconds: number;
	perSecond: number;
}

interface QueueLib {
	environment: {
		startQueueEnvironment: (options: { log: (line: string) => void; temporary: string[] }) => Promise<QueueEnvironment>;
		measureScaling: (options: {
			env: QueueEnvironment;
			cluster: unknown;
			records: unknown;
			runs: number;
			executions: number;
			latencyMs: number;
		}) => Promise<{ one: Throughput[]; two: Throughput[] }>;
	};
	cluster: {
		createQueueCluster: (options: Record<string, unknown>) => Promise<{ stop: () => Promise<void> }>;
	};
	batches: {
		executionRecords: (postgres: unknown, database: string, flatted: unknown) => unknown;
	};
	processes: { stopAllProcesses: () => Promise<void> };
}

interface QueueEnvironment {
	postgres: unknown;
	flatted: unknown;
	stop: () => Promise<void>;
}

function loadQueueLib(): QueueLib {
	/* eslint-disable @typescript-eslint/no-require-imports */
	return {
		environment: require('../../test/e2e/queue/environment.js') as QueueLib['environment'],
		cluster: require('../../test/e2e/queue/cluster.js') as QueueLib['cluster'],
		batches: require('../../test/e2e/queue/batches.js') as QueueLib['batches'],
		processes: require('../../test/e2e/lib/processes.js') as QueueLib['processes'],
	};
	/* eslint-enable @typescript-eslint/no-require-imports */
}

const figuresOf = ({ executions, succeeded, seconds, perSecond }: Throughput): Throughput => ({ executions, succeeded, seconds, perSecond });

const TITLE = (config: BenchConfig) =>
	`9. Queue mode (PostgreSQL, Redis, real n8n 2.8.4): ${config.queueExecutions} webhook executions of the queue suite's mix, ${config.queueLatencyMs} ms latency, 1 vs 2 workers (concurrency 10 each), ${config.runs} runs`;

function skipped(config: BenchConfig, reason: string): ScenarioResult {
	return { id: 'queue', title: TITLE(config), columns: [], rows: [], goals: [], notes: [], skipped: reason, data: { skipped: reason } };
}

/**
 * Scenario 9 (6 to 8 are rate limits and Find Stale): the same latency-bound batch on n8n's queue mode with one worker, then two (test/e2e/queue):
 * executions per second from the first webhook call to the last execution's end as n8n recorded it.
 */
export async function queueScaling(config: BenchConfig): Promise<ScenarioResult> {
	if (!installedN8nBinary()) return skipped(config, 'n8n 2.8.4 is not installed (run scripts/install-n8n.sh, about 5 minutes).');
	if (!existsSync(path.join(__dirname, '..', '..', 'dist', 'nodes', 'OpenAiProjects', 'OpenAiProjects.node.js'))) {
		return skipped(config, 'the package is not built (run npm run build).');
	}
	const lib = loadQueueLib();
	const temporary: string[] = [];
	const log = () => {};
	let measured: { one: Throughput[]; two: Throughput[] };
	const env = await lib.environment.startQueueEnvironment({ log, temporary });
	try {
		const cluster = await lib.cluster.createQueueCluster({ ...env, workerCount: 2, temporary, log });
		try {
			const records = lib.batches.executionRecords(env.postgres, 'n8n', env.flatted);
			measured = await lib.environment.measureScaling({ env, cluster, records, runs: config.runs, executions: config.queueExecutions, latencyMs: config.queueLatencyMs });
		} finally {
			await cluster.stop();
		}
	} finally {
		await env.stop();
		await lib.processes.stopAllProcesses();
		for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
	}

	const one = spreadOf(measured.one.map((run) => run.perSecond));
	const two = spreadOf(measured.two.map((run) => run.perSecond));
	const ratio = spreadOf(measured.two.map((run, index) => run.perSecond / measured.one[index].perSecond));
	const allSucceeded = [...measured.one, ...measured.two].every((run) => run.succeeded === config.queueExecutions);
	return {
		id: 'queue',
		title: TITLE(config),
		columns: ['workers', 'executions/s', 'seconds per batch', 'vs 1 worker'],
		rows: [
			['1', formatSpread(one, 1), formatSpread(spreadOf(measured.one.map((run) => run.seconds)), 1), '1'],
			['2', formatSpread(two, 1), formatSpread(spreadOf(measured.two.map((run) => run.seconds)), 1), formatSpread(ratio, 2)],
		],
		goals: [
			{ goal: 'every execution succeeds', actual: allSucceeded ? 'all' : 'some failed', met: allSucceeded },
			{ goal: 'a second worker adds throughput (ratio > 1.3)', actual: ratio.median.toFixed(2), met: ratio.median > 1.3 },
		],
		notes: [
			'Time runs from the first webhook call to the last stoppedAt in execution_entity; the main instance answers each call at once and queues the run.',
			'Each request to the test server waits the latency first, so an execution spends most of its time waiting: the work a second worker can take over.',
		],
		data: { one: measured.one.map(figuresOf), two: measured.two.map(figuresOf), ratio },
	};
}
