import type { BenchConfig } from '../config';
import { measuredRun } from '../measuredRun';
import { formatCount, formatSpread } from '../scenarioResult';
import type { ScenarioResult } from '../scenarioResult';
import { staleRequestGoal, staleWorldProjects, STALE_WORLD } from '../staleWorld';
import { countOf, spreadOf } from '../stats';
import { startOpenAiTestServer } from '../../test/openai-server';

/** Scenario 8: Find Stale over the world (1,000 projects, 900 active, 90 days), 20 ms latency. */
export async function findStaleOnThousand(config: BenchConfig): Promise<ScenarioResult> {
	const server = await startOpenAiTestServer({
		projects: staleWorldProjects(Math.floor(Date.now() / 1000)),
		costsDays: STALE_WORLD.days + 30,
		latencyMs: config.listLatencyMs,
	});
	const runs: Array<{ items: number; requests: number; keyListings: number; wallMs: number }> = [];
	try {
		for (let run = 0; run < config.runs; run++) {
			server.clearRequests();
			const result = await measuredRun({ kind: 'findStaleWithNode', baseUrl: server.url, inactiveDays: STALE_WORLD.days });
			runs.push({
				items: result.items,
				requests: server.requests.length,
				keyListings: server.requests.filter((request) => request.path.endsWith('/api_keys')).length,
				wallMs: result.wallMs,
			});
		}
	} finally {
		await server.close();
	}
	const goal = staleRequestGoal();
	const requests = countOf(runs.map((run) => run.requests));
	const items = countOf(runs.map((run) => run.items));
	const keyListings = countOf(runs.map((run) => run.keyListings));
	const wallMs = spreadOf(runs.map((run) => run.wallMs));
	const idle = STALE_WORLD.projects - STALE_WORLD.active - STALE_WORLD.keyOnly;
	return {
		id: 'findStale',
		title: `8. Find Stale over ${STALE_WORLD.projects} projects (${STALE_WORLD.active} active, ${STALE_WORLD.days} days), ${config.listLatencyMs} ms latency, ${config.runs} runs`,
		columns: ['variant', 'requests', 'key listings', 'stale items', 'wall ms'],
		rows: [['Projects node (engine)', formatCount(requests), formatCount(keyListings), formatCount(items), formatSpread(wallMs)]],
		goals: [
			{
				goal: `requests <= ceil(1000/100) + cost pages + usage pages per kind + key listings for the ${STALE_WORLD.projects - STALE_WORLD.active} candidates = ${goal}`,
				actual: formatCount(requests),
				met: requests.sameInEveryRun && requests.value <= goal,
			},
			{ goal: `stale items = the ${idle} idle projects`, actual: formatCount(items), met: items.sameInEveryRun && items.value === idle },
		],
		notes: [
			`Latency floor: ${goal} sequential requests × ${config.listLatencyMs} ms = ${goal * config.listLatencyMs} ms; the rest is the test server computing 91 days of 11 reports for 1,000 projects.`,
		],
		data: { world: STALE_WORLD, goal, requests, keyListings, items, wallMs },
	};
}
