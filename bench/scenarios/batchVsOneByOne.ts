import { startBenchServer } from '../benchServer';
import type { BenchConfig } from '../config';
import { measuredRun } from '../measuredRun';
import type { GoalCheck, ScenarioResult } from '../scenarioResult';
import { PRICES } from '../../test/openai-server/usageData';
import type { OpenAiTestServer } from '../../test/openai-server';
import type { WorkerResult } from '../worker/protocol';

/** The Batch API's discount on both input and output tokens (OpenAI: "50% lower costs"). */
export const BATCH_PRICE_SHARE = 0.5;
const MODEL = 'gpt-4o-mini';

interface Side {
	label: string;
	requests: number;
	items: number;
	failedItems: number;
	wallMs: number;
	inputTokens: number;
	outputTokens: number;
	usd: number;
}

function priceOf(server: OpenAiTestServer, share: number): { inputTokens: number; outputTokens: number; usd: number } {
	const [input, output] = PRICES[MODEL];
	const inputTokens = server.state.chatCompletions.reduce((sum, completion) => sum + completion.promptTokens, 0);
	const outputTokens = server.state.chatCompletions.reduce((sum, completion) => sum + completion.completionTokens, 0);
	return { inputTokens, outputTokens, usd: ((inputTokens * input + outputTokens * output) / 1_000_000) * share };
}

function sideOf(label: string, server: OpenAiTestServer, result: WorkerResult, share: number): Side {
	return { label, requests: server.requests.length, items: result.items, failedItems: result.failedItems, wallMs: result.wallMs, ...priceOf(server, share) };
}

/**
 * Scenario 10: the same chat items sent one by one (a plain promise pool at its best concurrency, no node code)
 * and through the chat node's Batch > Create with Wait for Results. Requests, wall time until every result is in,
 * and the price of the tokens billed at the test server's gpt-4o-mini rates, half for Batch.
 */
export async function batchVsOneByOne(config: BenchConfig): Promise<ScenarioResult> {
	const { items, concurrency, latencyMs } = config.batch;
	const server = await startBenchServer({ latencyMs });
	const sides: Side[] = [];
	try {
		const pool = await measuredRun({ kind: 'chatWithPool', baseUrl: server.url, items, concurrency });
		sides.push(sideOf(`one by one (pool, ${concurrency} at once)`, server, pool, 1));
		server.reset();
		const batch = await measuredRun({ kind: 'batchWithNode', baseUrl: server.url, items });
		sides.push(sideOf('Batch API (chat node, Batch > Create, wait)', server, batch, BATCH_PRICE_SHARE));
	} finally {
		await server.close();
	}
	const [single, batched] = sides;
	const priceRatio = batched.usd / single.usd;
	const goals: GoalCheck[] = [
		{ goal: 'Batch: every item answered, in one file', actual: `${batched.items} items, ${batched.failedItems} failed`, met: batched.items === items && batched.failedItems === 0 },
		{ goal: `Batch price = ${BATCH_PRICE_SHARE} × one by one for the same tokens`, actual: priceRatio.toFixed(3), met: Math.abs(priceRatio - BATCH_PRICE_SHARE) < 0.001 },
		{ goal: 'Batch sends a handful of requests instead of one per item', actual: `${batched.requests} vs ${single.requests}`, met: batched.requests < 20 && single.requests === items },
	];
	return {
		id: 'batch-vs-one-by-one',
		title: `10. ${items.toLocaleString('en-US')} chat items: one by one vs the Batch API (${latencyMs} ms per request)`,
		columns: ['client', 'requests', 'items', 'wall time until results (s)', 'tokens in / out', `price (USD, ${MODEL})`],
		rows: sides.map((side) => [
			side.label,
			String(side.requests),
			String(side.items),
			(side.wallMs / 1000).toFixed(1),
			`${side.inputTokens} / ${side.outputTokens}`,
			side.usd.toFixed(4),
		]),
		goals,
		notes: [
			`Price ratio Batch / one by one: ${priceRatio.toFixed(3)}.`,
			"The test server runs a batch as soon as it is polled; OpenAI's own completion window is up to 24 h, so the Batch wall time here is the node's cost (upload, polls, download, mapping), not OpenAI's queue.",
		],
		data: { items, concurrency, latencyMs, sides, priceRatio },
	};
}
