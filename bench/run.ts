/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- bench CLI: runs in plain Node, never inside n8n, and prints its table */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { readBenchConfig } from './config';
import { renderScenario } from './printTable';
import type { ScenarioResult } from './scenarioResult';
import { batchVsOneByOne } from './scenarios/batchVsOneByOne';
import { bulkArchive } from './scenarios/bulkArchive';
import { chatThroughput } from './scenarios/chatThroughput';
import { chatUnderRateLimits } from './scenarios/chatUnderLimits';
import { listUnderFaults } from './scenarios/faults';
import { findStaleOnThousand } from './scenarios/findStale';
import { httpRequestNodeInN8n } from './scenarios/httpRequestNode';
import { listHundredThousand } from './scenarios/listHundredThousand';
import { listTenThousand } from './scenarios/listTenThousand';
import { queueScaling } from './scenarios/queueScaling';

const RESULTS_FILE = path.join(__dirname, 'results.json');

async function main() {
	const config = readBenchConfig();
	const started = Date.now();
	console.log(
		`npm run bench${config.quick ? ' (quick)' : ''}: median (min–max) of ${config.listRuns} runs for the 10,000 lists, ${config.largeListRuns} for the 100,000 list, ${config.runs} for chat and n8n; Node ${process.version}, ${os.cpus().length} CPUs\n`,
	);
	const results: ScenarioResult[] = [];
	const report = (result: ScenarioResult) => {
		results.push(result);
		console.log(renderScenario(result));
	};

	const runs = (scenario: number) => !config.only || config.only.includes(scenario);
	if (runs(1) || runs(2)) {
		const tenThousand = await listTenThousand(config);
		report(tenThousand.result);
		if (runs(2)) report(await listHundredThousand(config, tenThousand.comparison));
	}
	if (runs(3)) report(await chatThroughput(config));
	if (runs(4)) report(await httpRequestNodeInN8n(config));
	if (runs(5)) report(await listUnderFaults(config));
	if (runs(6)) report(await chatUnderRateLimits(config));
	if (runs(7)) report(await bulkArchive(config));
	if (runs(8)) report(await findStaleOnThousand(config));
	if (runs(9)) report(await queueScaling(config));
	if (runs(10)) report(await batchVsOneByOne(config));

	const goals = results.flatMap((result) => result.goals);
	const unmet = goals.filter((goal) => !goal.met);
	const seconds = ((Date.now() - started) / 1000).toFixed(0);
	console.log(`${goals.length - unmet.length} of ${goals.length} goals met; ${seconds} s in all.`);
	const date = new Date().toISOString();
	writeFileSync(
		RESULTS_FILE,
		`${JSON.stringify({ date, node: process.version, cpus: os.cpus().length, config, seconds: Number(seconds), results: mergeResults(results, date, config.only !== undefined) }, null, '\t')}\n`,
	);
	console.log(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

/**
 * A partial run (BENCH_ONLY) replaces its own scenarios in results.json and keeps the others, each marked with
 * the date of the run it comes from.
 */
function mergeResults(results: ScenarioResult[], date: string, partial: boolean) {
	const fresh = results.map((result) => ({ ...result, ranAt: date }));
	if (!partial || !existsSync(RESULTS_FILE)) return fresh;
	const previous = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as { date?: string; results?: Array<ScenarioResult & { ranAt?: string }> };
	const kept = (previous.results ?? [])
		.filter((old) => !results.some((result) => result.id === old.id))
		.map((old) => ({ ...old, ranAt: old.ranAt ?? previous.date }));
	return [...kept, ...fresh];
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exitCode = 1;
});
