import type { BenchConfig } from '../config';
import { formatCount, formatMb, formatSpread } from '../scenarioResult';
import type { GoalCheck, ScenarioResult } from '../scenarioResult';
import { compareList } from './listSideBySide';
import type { ListComparison, ListVariantFigures } from './listSideBySide';

export const MAX_RATIO = 1.1;

export function listRow(variant: string, figures: ListVariantFigures, ratio: string): string[] {
	return [
		variant,
		formatCount(figures.requests),
		formatCount(figures.items),
		formatSpread(figures.wallMs),
		formatMb(figures.heapAboveIdleBytes),
		formatMb(figures.peakRssBytes),
		ratio,
	];
}

export const LIST_COLUMNS = ['variant', 'requests', 'items', 'wall ms', 'heap peak above idle MB', 'RSS peak MB', 'node/plain'];

/** The node's row beside the plain loop's: the same two rows for every list size. */
export function comparisonRows(comparison: ListComparison): string[][] {
	return [
		listRow('Projects node (engine)', comparison.node, formatSpread(comparison.ratio, 3)),
		listRow('plain fetch, limit=100', comparison.plain, '1'),
	];
}

/** One request per page of 100, the same number in every run. */
export function pageCountGoal(comparison: ListComparison): GoalCheck {
	const expectedRequests = Math.ceil(comparison.projects / 100);
	return {
		goal: `requests = ceil(N/100) = ${expectedRequests}`,
		actual: formatCount(comparison.node.requests),
		met: comparison.node.requests.sameInEveryRun && comparison.node.requests.value === expectedRequests,
	};
}

/** Scenario 1: 10,000 projects, Projects node beside the plain fetch loop. */
export async function listTenThousand(config: BenchConfig): Promise<{ result: ScenarioResult; comparison: ListComparison }> {
	const comparison = await compareList(config.listProjects, config.listLatencyMs, config.listRuns);
	const ratioMet = comparison.ratio.median <= MAX_RATIO;
	return {
		comparison,
		result: {
			id: 'list-10k',
			title: `1. List ${comparison.projects} projects, ${comparison.latencyMs} ms latency, ${config.listRuns} runs`,
			columns: LIST_COLUMNS,
			rows: comparisonRows(comparison),
			goals: [
				pageCountGoal(comparison),
				{
					goal: `wall time node/plain <= ${MAX_RATIO.toFixed(2)}`,
					actual: comparison.ratio.median.toFixed(3),
					met: ratioMet,
				},
			],
			notes: [
				'Both run in a fresh child process per run; the test server runs in the bench process.',
				`Latency floor: ${Math.ceil(comparison.projects / 100)} pages × ${comparison.latencyMs} ms = ${Math.ceil(comparison.projects / 100) * comparison.latencyMs} ms.`,
				`Peak heap is heapUsed sampled every 5 ms minus the idle heap after a full GC (n8n-core loaded for the node); RSS peak includes it (the node's process carries n8n-core).`,
			],
			data: { ...comparison },
		},
	};
}
