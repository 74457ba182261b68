import { countRequests, LIST_PROJECTS_PATH, startBenchServer } from '../benchServer';
import type { BenchConfig } from '../config';
import { measuredRun } from '../measuredRun';
import { formatCount, formatSpread } from '../scenarioResult';
import type { ScenarioResult } from '../scenarioResult';
import { countOf, spreadOf } from '../stats';
import type { FaultRule, OpenAiTestServer } from '../../test/openai-server';

type ErrorFault = Extract<FaultRule, { kind: 'rate_limit' } | { kind: 'server_error' }>;

/**
 * `faults` faults spread evenly over the list's requests, alternating 503 and 429 with Retry-After. A fault
 * rule's `after` counts only the requests no earlier rule took, hence the `- index`.
 */
export function spreadListFaults(
	server: OpenAiTestServer,
	pages: number,
	faults: number,
	retryAfterSeconds: number,
): ErrorFault[] {
	const rules: ErrorFault[] = [];
	const totalRequests = pages + faults;
	for (let index = 0; index < faults; index++) {
		const position = Math.floor(((index + 0.5) * totalRequests) / faults);
		const base = { method: 'GET', path: LIST_PROJECTS_PATH, times: 1, after: position - index };
		const rule: ErrorFault =
			index % 2 === 0
				? { ...base, kind: 'server_error', status: 503 }
				: { ...base, kind: 'rate_limit', retryAfterSeconds };
		server.faults.add(rule);
		rules.push(rule);
	}
	return rules;
}

/** Scenario 5: the 10,000 list with 5 % of its requests answered 503 or 429 (Retry-After). */
export async function listUnderFaults(config: BenchConfig): Promise<ScenarioResult> {
	const projects = config.listProjects;
	const pages = Math.ceil(projects / 100);
	const faults = Math.round(pages * config.faultShare);
	const server = await startBenchServer({ projects, latencyMs: config.listLatencyMs });
	const runs: Array<{ items: number; requests: number; faulted: number; wallMs: number }> = [];
	let rules: ErrorFault[] = [];
	try {
		for (let run = 0; run < config.listRuns; run++) {
			server.faults.clear();
			server.clearRequests();
			rules = spreadListFaults(server, pages, faults, config.retryAfterSeconds);
			const result = await measuredRun({ kind: 'listWithNode', baseUrl: server.url });
			runs.push({
				items: result.items,
				requests: countRequests(server, 'GET', LIST_PROJECTS_PATH),
				faulted: server.requests.filter((request) => request.fault !== undefined).length,
				wallMs: result.wallMs,
			});
		}
	} finally {
		await server.close();
	}
	const items = countOf(runs.map((run) => run.items));
	const requests = countOf(runs.map((run) => run.requests));
	const faulted = countOf(runs.map((run) => run.faulted));
	const wallMs = spreadOf(runs.map((run) => run.wallMs));
	const rateLimits = rules.filter((rule) => rule.kind === 'rate_limit').length;
	const serverErrors = rules.length - rateLimits;
	return {
		id: 'faults',
		title: `5. List ${projects} projects under faults (${serverErrors} × 503, ${rateLimits} × 429 Retry-After: ${config.retryAfterSeconds} s = ${(config.faultShare * 100).toFixed(0)} % of ${pages} pages), ${config.listRuns} runs`,
		columns: ['variant', 'requests', 'faults answered', 'items', 'wall ms'],
		rows: [['Projects node (engine)', formatCount(requests), formatCount(faulted), formatCount(items), formatSpread(wallMs)]],
		goals: [
			{ goal: `items returned = ${projects} (all)`, actual: formatCount(items), met: items.sameInEveryRun && items.value === projects },
			{
				goal: `requests = pages + injected faults = ${pages + faults}`,
				actual: formatCount(requests),
				met: requests.sameInEveryRun && requests.value === pages + faults,
			},
		],
		notes: [
			`Waits the retry policy must take: ${rateLimits} × ${config.retryAfterSeconds} s (Retry-After) + ${serverErrors} × 375–500 ms (first backoff with jitter) ≈ ${(rateLimits * config.retryAfterSeconds * 1000 + serverErrors * 437).toFixed(0)} ms on top of the fault-free list.`,
		],
		data: { projects, pages, injectedFaults: faults, rules, items, requests, faulted, wallMs },
	};
}
