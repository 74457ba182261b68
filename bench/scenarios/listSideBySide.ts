import { countRequests, LIST_PROJECTS_PATH, startBenchServer } from '../benchServer';
import { measuredRun } from '../measuredRun';
import { countOf, spreadOf } from '../stats';
import type { Count, Spread } from '../stats';
import type { WorkerResult } from '../worker/protocol';

export interface ListVariantFigures {
	requests: Count;
	items: Count;
	wallMs: Spread;
	/** Peak heapUsed above the process's idle heap: what the list itself costs. */
	heapAboveIdleBytes: Spread;
	peakHeapBytes: Spread;
	peakRssBytes: Spread;
}

export interface ListComparison {
	projects: number;
	latencyMs: number;
	node: ListVariantFigures;
	plain: ListVariantFigures;
	/** node wall / plain wall, per pair of runs made one after the other. */
	ratio: Spread;
}

function figuresOf(runs: Array<{ result: WorkerResult; requests: number }>): ListVariantFigures {
	return {
		requests: countOf(runs.map((run) => run.requests)),
		items: countOf(runs.map((run) => run.result.items)),
		wallMs: spreadOf(runs.map((run) => run.result.wallMs)),
		heapAboveIdleBytes: spreadOf(runs.map((run) => run.result.peakHeapBytes - run.result.idleHeapBytes)),
		peakHeapBytes: spreadOf(runs.map((run) => run.result.peakHeapBytes)),
		peakRssBytes: spreadOf(runs.map((run) => run.result.peakRssBytes)),
	};
}

/**
 * Lists every project with the Projects node and with the plain fetch loop, alternating run by run so that
 * any drift of the machine weighs on both alike.
 */
export async function compareList(projects: number, latencyMs: number, runs: number): Promise<ListComparison> {
	const server = await startBenchServer({ projects, latencyMs });
	try {
		const node: Array<{ result: WorkerResult; requests: number }> = [];
		const plain: Array<{ result: WorkerResult; requests: number }> = [];
		for (let run = 0; run < runs; run++) {
			for (const [kind, into] of [
				['listWithNode', node],
				['listWithFetch', plain],
			] as const) {
				server.clearRequests();
				const result = await measuredRun({ kind, baseUrl: server.url });
				into.push({ result, requests: countRequests(server, 'GET', LIST_PROJECTS_PATH) });
			}
			server.clearRequests();
		}
		return {
			projects,
			latencyMs,
			node: figuresOf(node),
			plain: figuresOf(plain),
			ratio: spreadOf(node.map((run, index) => run.result.wallMs / plain[index].result.wallMs)),
		};
	} finally {
		await server.close();
	}
}
