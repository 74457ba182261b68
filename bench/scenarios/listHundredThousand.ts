import type { BenchConfig } from '../config';
import { formatMb } from '../scenarioResult';
import type { ScenarioResult } from '../scenarioResult';
import { compareList } from './listSideBySide';
import type { ListComparison } from './listSideBySide';
import { LIST_COLUMNS, comparisonRows, pageCountGoal } from './listTenThousand';

const MB = 1024 * 1024;

/** Peak growth per 10,000 projects between the 10,000 list and the large one (medians). */
function growthPer10k(small: number, large: number, smallProjects: number, largeProjects: number): number {
	return ((large - small) / (largeProjects - smallProjects)) * 10_000;
}

/** Scenario 2: the same list with 100,000 projects: how memory grows with the list. */
export async function listHundredThousand(
	config: BenchConfig,
	tenThousand: ListComparison,
): Promise<ScenarioResult> {
	const comparison = await compareList(config.largeListProjects, config.listLatencyMs, config.largeListRuns);
	const growth = (pick: (c: ListComparison) => { median: number }) =>
		growthPer10k(pick(tenThousand).median, pick(comparison).median, tenThousand.projects, comparison.projects);
	const nodeHeapGrowth = growth((c) => c.node.heapAboveIdleBytes);
	const nodeRssGrowth = growth((c) => c.node.peakRssBytes);
	const plainHeapGrowth = growth((c) => c.plain.heapAboveIdleBytes);
	const plainRssGrowth = growth((c) => c.plain.peakRssBytes);
	const pages = Math.ceil(comparison.projects / 100);
	return {
		id: 'list-100k',
		title: `2. List ${comparison.projects} projects, ${comparison.latencyMs} ms latency, ${config.largeListRuns} runs`,
		columns: LIST_COLUMNS,
		rows: comparisonRows(comparison),
		goals: [
			pageCountGoal(comparison),
			{
				goal: 'every project returned',
				actual: String(comparison.node.items.value),
				met: comparison.node.items.sameInEveryRun && comparison.node.items.value === comparison.projects,
			},
		],
		notes: [
			`Latency floor: ${pages} pages × ${comparison.latencyMs} ms = ${pages * comparison.latencyMs} ms; the rest of the plain time is mostly the test server, which filters and sorts all ${comparison.projects} projects for every page.`,
			`Growth per 10,000 projects (medians, ${tenThousand.projects} → ${comparison.projects}): node heap ${(nodeHeapGrowth / MB).toFixed(1)} MB, node RSS ${(nodeRssGrowth / MB).toFixed(1)} MB; plain heap ${(plainHeapGrowth / MB).toFixed(1)} MB, plain RSS ${(plainRssGrowth / MB).toFixed(1)} MB.`,
			`Node peak heap (absolute): ${formatMb(comparison.node.peakHeapBytes)} MB; plain: ${formatMb(comparison.plain.peakHeapBytes)} MB.`,
		],
		data: {
			...comparison,
			growthPer10kBytes: {
				nodeHeap: nodeHeapGrowth,
				nodeRss: nodeRssGrowth,
				plainHeap: plainHeapGrowth,
				plainRss: plainRssGrowth,
			},
		},
	};
}
