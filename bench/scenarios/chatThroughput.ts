import {
	CHAT_COMPLETIONS_PATH,
	countRequests,
	RESPONSES_PATH,
	startBenchServer,
} from '../benchServer';
import type { BenchConfig } from '../config';
import { measuredRun } from '../measuredRun';
import { formatCount, formatMb, formatSpread } from '../scenarioResult';
import type { GoalCheck, ScenarioResult } from '../scenarioResult';
import { countOf, spreadOf } from '../stats';
import type { Count, Spread } from '../stats';
import type { ChatApi, WorkerResult } from '../worker/protocol';

export const MIN_THROUGHPUT_SHARE = 0.9;
/** Issue 32: the node within 5 % of n8n-core's request helper alone, where many items run at once. */
export const MIN_SHARE_OF_HELPER = 0.95;
const HELPER_GOAL_FROM_CONCURRENCY = 10;

const APIS: Array<{ api: ChatApi; label: string; path: string }> = [
	{ api: 'chatCompletions', label: 'Chat Completions', path: CHAT_COMPLETIONS_PATH },
	{ api: 'responses', label: 'Responses', path: RESPONSES_PATH },
];

interface ChatVariantFigures {
	completions: Count;
	items: Count;
	failedItems: Count;
	wallMs: Spread;
	itemsPerSecond: Spread;
	peakRssBytes: Spread;
}

interface ChatLevel {
	api: ChatApi;
	apiLabel: string;
	concurrency: number;
	items: number;
	node: ChatVariantFigures;
	pool: ChatVariantFigures;
	/** The pool's requests through n8n-core's request helper alone: what n8n costs before any node code. */
	helper: ChatVariantFigures;
	/** node throughput / pool throughput per pair of runs. */
	share: Spread;
	/** helper throughput / pool throughput, and node / helper: where the gap comes from. */
	helperShare: Spread;
	nodeOverHelper: Spread;
}

function figuresOf(runs: Array<{ result: WorkerResult; completions: number }>): ChatVariantFigures {
	return {
		completions: countOf(runs.map((run) => run.completions)),
		items: countOf(runs.map((run) => run.result.items)),
		failedItems: countOf(runs.map((run) => run.result.failedItems)),
		wallMs: spreadOf(runs.map((run) => run.result.wallMs)),
		itemsPerSecond: spreadOf(runs.map((run) => run.result.items / (run.result.wallMs / 1000))),
		peakRssBytes: spreadOf(runs.map((run) => run.result.peakRssBytes)),
	};
}

/** Throughput of `runs` over throughput of `baseline`, run by run (they alternate). */
function throughputRatios(
	runs: Array<{ result: WorkerResult }>,
	baseline: Array<{ result: WorkerResult }>,
): Spread {
	return spreadOf(
		runs.map(
			(run, index) =>
				run.result.items /
				run.result.wallMs /
				(baseline[index].result.items / baseline[index].result.wallMs),
		),
	);
}

/** Scenario 3: chat completions at several concurrencies, the chat node beside a plain promise pool. */
export async function chatThroughput(config: BenchConfig): Promise<ScenarioResult> {
	const server = await startBenchServer({ latencyMs: config.chatLatencyMs });
	const levels: ChatLevel[] = [];
	try {
		for (const { api, label: apiLabel, path } of APIS)
			for (const concurrency of config.chatConcurrencies) {
				const items =
					concurrency === 1 ? Math.min(config.serialChatItems, config.chatItems) : config.chatItems;
				const node: Array<{ result: WorkerResult; completions: number }> = [];
				const pool: Array<{ result: WorkerResult; completions: number }> = [];
				const helper: Array<{ result: WorkerResult; completions: number }> = [];
				for (let run = 0; run < config.runs; run++) {
					for (const [kind, into] of [
						['chatWithNode', node],
						['chatWithPool', pool],
						['chatWithCoreHelper', helper],
					] as const) {
						server.clearRequests();
						const result = await measuredRun({
							kind,
							baseUrl: server.url,
							items,
							concurrency,
							api,
						});
						into.push({ result, completions: countRequests(server, 'POST', path) });
					}
					server.clearRequests();
					// Every completion is billed (and every response stored) in the server's state; a bench run must not grow it without end.
					server.state.chatCompletions.length = 0;
					server.state.storedResponses.length = 0;
				}
				levels.push({
					api,
					apiLabel,
					concurrency,
					items,
					node: figuresOf(node),
					pool: figuresOf(pool),
					helper: figuresOf(helper),
					share: throughputRatios(node, pool),
					helperShare: throughputRatios(helper, pool),
					nodeOverHelper: throughputRatios(node, helper),
				});
			}
	} finally {
		await server.close();
	}

	const row = (label: string, level: ChatLevel, figures: ChatVariantFigures, share: string) => [
		`${level.apiLabel}: ${label}, concurrency ${level.concurrency}`,
		formatCount(figures.completions),
		formatCount(figures.items),
		formatSpread(figures.wallMs),
		formatSpread(figures.itemsPerSecond, 1),
		formatMb(figures.peakRssBytes),
		share,
	];
	const goals: GoalCheck[] = levels.flatMap((level) => [
		{
			goal: `${level.apiLabel}, concurrency ${level.concurrency}: node throughput >= ${MIN_THROUGHPUT_SHARE} × pool`,
			actual: level.share.median.toFixed(3),
			met: level.share.median >= MIN_THROUGHPUT_SHARE,
		},
		...(level.concurrency >= HELPER_GOAL_FROM_CONCURRENCY
			? [
					{
						goal: `${level.apiLabel}, concurrency ${level.concurrency}: node throughput >= ${MIN_SHARE_OF_HELPER} × n8n-core's helper alone`,
						actual: level.nodeOverHelper.median.toFixed(3),
						met: level.nodeOverHelper.median >= MIN_SHARE_OF_HELPER,
					},
				]
			: []),
		{
			goal: `${level.apiLabel}, concurrency ${level.concurrency}: one completion per item, none failed`,
			actual: `${formatCount(level.node.completions)} completions, ${formatCount(level.node.failedItems)} failed`,
			met:
				level.node.completions.sameInEveryRun &&
				level.node.completions.value === level.items &&
				level.node.failedItems.value === 0,
		},
	]);
	const serialNote =
		levels.find((level) => level.concurrency === 1 && level.items < config.chatItems) !== undefined
			? [
					`Concurrency 1 runs ${Math.min(config.serialChatItems, config.chatItems)} items, not ${config.chatItems}: serially every item waits out the ${config.chatLatencyMs} ms latency (${config.chatItems} items = ${(config.chatItems * config.chatLatencyMs) / 1000} s per run). Throughput is per item; BENCH_SERIAL_CHAT_ITEMS=${config.chatItems} runs them all.`,
				]
			: [];
	return {
		id: 'chat',
		title: `3. Chat, ${config.chatLatencyMs} ms latency, ${config.runs} runs`,
		columns: [
			'variant',
			'completions',
			'items',
			'wall ms',
			'items/s',
			'RSS peak MB',
			'node/pool throughput',
		],
		rows: levels.flatMap((level) => [
			row('chat node', level, level.node, formatSpread(level.share, 3)),
			row('plain pool', level, level.pool, '1'),
			row(
				"n8n-core's request helper, no node",
				level,
				level.helper,
				formatSpread(level.helperShare, 3),
			),
		]),
		goals,
		notes: [
			...serialNote,
			...APIS.map(({ api, label }) => {
				const ofApi = levels.filter((level) => level.api === api);
				return `${label}, where the gap comes from: n8n-core's request helper alone (the pool's requests through it, no node, credential or engine) reaches ${ofApi.map((level) => `${formatSpread(level.helperShare, 3)} of the pool at ${level.concurrency}`).join(', ')}; the chat node reaches ${ofApi.map((level) => `${formatSpread(level.nodeOverHelper, 3)} of the helper alone at ${level.concurrency}`).join(', ')}.`;
			}),
			'The test server enforces limits no client here reaches (100,000,000 requests a minute), so pacing never waits: these figures measure the client.',
		],
		data: { levels },
	};
}
