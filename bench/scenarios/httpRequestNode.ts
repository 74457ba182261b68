import { ADMIN_KEY_ACME } from '../../test/openai-server/fixtures';
import { countRequests, LIST_PROJECTS_PATH, startBenchServer } from '../benchServer';
import type { BenchConfig } from '../config';
import { formatCount, formatMb, formatSpread } from '../scenarioResult';
import type { ScenarioResult } from '../scenarioResult';
import { countOf, spreadOf } from '../stats';
import type { N8nExecution } from './n8nExecute';
import { n8nUnavailable, withN8n } from './n8nSession';
import {
	benchCredentials,
	HTTP_WORKFLOW_ID,
	httpRequestWorkflow,
	NODE_WORKFLOW_ID,
	projectsNodeWorkflow,
} from './n8nWorkflows';

const VARIANTS = [
	{ label: 'HTTP Request + Split Out (n8n)', workflowId: HTTP_WORKFLOW_ID, lastNode: 'Split Out' },
	{ label: 'OpenAI Projects node', workflowId: NODE_WORKFLOW_ID, lastNode: 'OpenAI Projects' },
] as const;

interface VariantRun {
	execution: N8nExecution;
	requests: number;
	items: number;
}

function skipped(config: BenchConfig, reason: string): ScenarioResult {
	return {
		id: 'n8n',
		title: `4. List ${config.listProjects} projects inside the real n8n 2.8.4`,
		columns: [],
		rows: [],
		goals: [],
		notes: [],
		skipped: reason,
		data: { skipped: reason },
	};
}

/** Scenario 4: n8n's own HTTP Request pagination beside the Projects node, both inside the same real n8n. */
export async function httpRequestNodeInN8n(config: BenchConfig): Promise<ScenarioResult> {
	const unavailable = n8nUnavailable();
	if (unavailable) return skipped(config, unavailable);

	const server = await startBenchServer({ projects: config.listProjects, latencyMs: config.listLatencyMs });
	const runs: Record<string, VariantRun[]> = Object.fromEntries(VARIANTS.map((variant) => [variant.workflowId, []]));
	try {
		await withN8n(
			{
				credentials: benchCredentials(server.url, ADMIN_KEY_ACME),
				workflows: [httpRequestWorkflow(server.url), projectsNodeWorkflow()],
			},
			async (n8n) => {
				for (let run = 0; run < config.runs; run++) {
					for (const variant of VARIANTS) {
						server.clearRequests();
						const execution = await n8n.execute(variant.workflowId, variant.label);
						runs[variant.workflowId].push({
							execution,
							requests: countRequests(server, 'GET', LIST_PROJECTS_PATH),
							items: execution.parsed.itemsOf(variant.lastNode).length,
						});
					}
				}
			},
		);
	} finally {
		await server.close();
	}

	const figures = VARIANTS.map((variant) => {
		const variantRuns = runs[variant.workflowId];
		return {
			label: variant.label,
			requests: countOf(variantRuns.map((run) => run.requests)),
			items: countOf(variantRuns.map((run) => run.items)),
			executionMs: spreadOf(variantRuns.map((run) => run.execution.executionMs)),
			processMs: spreadOf(variantRuns.map((run) => run.execution.processMs)),
			peakRssBytes: spreadOf(variantRuns.map((run) => run.execution.peakRssBytes)),
		};
	});
	const [http, node] = figures;
	const ratio = spreadOf(
		runs[NODE_WORKFLOW_ID].map(
			(run, index) => run.execution.executionMs / runs[HTTP_WORKFLOW_ID][index].execution.executionMs,
		),
	);
	return {
		id: 'n8n',
		title: `4. List ${config.listProjects} projects inside the real n8n 2.8.4 (n8n execute), ${config.listLatencyMs} ms latency, ${config.runs} runs`,
		columns: ['variant', 'requests', 'items', 'execution ms', 'n8n execute process ms', 'n8n RSS peak MB', 'vs HTTP Request'],
		rows: figures.map((figure) => [
			figure.label,
			formatCount(figure.requests),
			formatCount(figure.items),
			formatSpread(figure.executionMs),
			formatSpread(figure.processMs),
			formatMb(figure.peakRssBytes),
			figure === node ? formatSpread(ratio, 3) : '1',
		]),
		goals: [
			{
				goal: 'Projects node never slower than HTTP Request (execution time ratio <= 1)',
				actual: ratio.median.toFixed(3),
				met: ratio.median <= 1,
			},
			{
				goal: `both return all ${config.listProjects} projects`,
				actual: `${formatCount(http.items)} / ${formatCount(node.items)}`,
				met: http.items.value === config.listProjects && node.items.value === config.listProjects,
			},
		],
		notes: [
			'Execution ms is n8n\'s own startedAt → stoppedAt of the run; the process time adds n8n\'s CLI start-up.',
			'RSS peak is the n8n process\'s VmHWM (start-up included), polled every 100 ms.',
		],
		data: { figures, ratio },
	};
}
