/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- bench CLI: runs in plain Node, never inside n8n, and prints its table */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { readBenchConfig } from './config';
import { renderScenario } from './printTable';
import type { ScenarioResult } from './scenarioResult';
import { chatThroughput } from './scenarios/chatThroughput';
import { listUnderFaults } from './scenarios/faults';
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

	const tenThousand = await listTenThousand(config);
	report(tenThousand.result);
	report(await listHundredThousand(config, tenThousand.comparison));
	report(await chatThroughput(config));
	report(await httpRequestNodeInN8n(config));
	report(await listUnderFaults(config));
	report(await queueScaling(config));

	const goals = results.flatMap((result) => result.goals);
	const unmet = goals.filter((goal) => !goal.met);
	const seconds = ((Date.now() - started) / 1000).toFixed(0);
	console.log(`${goals.length - unmet.length} of ${goals.length} goals met; ${seconds} s in all.`);
	writeFileSync(
		RESULTS_FILE,
		`${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, config, seconds: Number(seconds), results }, null, '\t')}\n`,
	);
	console.log(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exitCode = 1;
});
