/* eslint-disable @n8n/community-nodes/no-restricted-globals -- bench code: runs in plain Node, never inside n8n */

/** What one `npm run bench` measures; BENCH_QUICK=1 and BENCH_RUNS shorten it, never change what is compared. */
export interface BenchConfig {
	/** Runs per figure for chat and the real n8n. */
	runs: number;
	/** Runs of the 10,000 lists (scenarios 1 and 5): cheap, and the 1.10 goal is close enough to need them. */
	listRuns: number;
	/** Runs of the 100,000 list: about 55 s each, mostly the test server's own O(N) work per page. */
	largeListRuns: number;
	quick: boolean;
	listProjects: number;
	largeListProjects: number;
	listLatencyMs: number;
	chatItems: number;
	/** At concurrency 1 every item waits out the full latency: 1,000 items take 100 s per run. */
	serialChatItems: number;
	chatLatencyMs: number;
	chatConcurrencies: number[];
	faultShare: number;
	retryAfterSeconds: number;
	/** Scenario 6: chat items under OpenAI-like limits, in one real run per client (each takes minutes). */
	limitedChat: {
		items: number;
		requestsPerMinute: number;
		tokensPerMinute: number;
		latencyMs: number;
		itemsAtOnce: number;
	};
	/** Scenario 7: bulk archive under the Admin API's per-endpoint limit, its window scaled down. */
	bulkArchive: {
		projects: number;
		requestsPerWindow: number;
		windowMs: number;
		maxRetries: number;
		latencyMs: number;
	};
	/** Webhook executions per queue-mode batch (scenario 9), each measured on 1 and on 2 workers. */
	queueExecutions: number;
	queueLatencyMs: number;
	/** Scenario 10: the same chat items one by one (a promise pool at `concurrency`) and through the Batch API. */
	batch: { items: number; concurrency: number; latencyMs: number };
	/** BENCH_ONLY=6,7 runs only those scenarios. */
	only?: number[];
}

function positiveInteger(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number >= 1, not "${raw}"`);
	return value;
}

export function readBenchConfig(): BenchConfig {
	const quick = process.env.BENCH_QUICK === '1';
	const runs = (fallback: number) => positiveInteger('BENCH_RUNS', quick ? 1 : fallback);
	return {
		runs: runs(3),
		listRuns: runs(5),
		largeListRuns: runs(2),
		quick,
		listProjects: 10_000,
		largeListProjects: quick ? 30_000 : 100_000,
		listLatencyMs: 20,
		chatItems: quick ? 200 : 1_000,
		serialChatItems: positiveInteger('BENCH_SERIAL_CHAT_ITEMS', quick ? 50 : 100),
		chatLatencyMs: 100,
		chatConcurrencies: [1, 10, 50],
		faultShare: 0.05,
		retryAfterSeconds: 1,
		limitedChat: {
			items: positiveInteger('BENCH_LIMITED_CHAT_ITEMS', quick ? 750 : 2_000),
			requestsPerMinute: 500,
			tokensPerMinute: 150_000,
			latencyMs: 100,
			itemsAtOnce: 10,
		},
		bulkArchive: {
			projects: positiveInteger('BENCH_ARCHIVE_PROJECTS', quick ? 100 : 300),
			requestsPerWindow: 10,
			windowMs: 6_000,
			maxRetries: 7,
			latencyMs: 20,
		},
		queueExecutions: quick ? 50 : 100,
		queueLatencyMs: 1_000,
		batch: { items: positiveInteger('BENCH_BATCH_ITEMS', quick ? 2_000 : 10_000), concurrency: 50, latencyMs: 100 },
		only: readOnly(),
	};
}

function readOnly(): number[] | undefined {
	const raw = process.env.BENCH_ONLY;
	if (raw === undefined || raw.trim() === '') return undefined;
	const numbers = raw.split(',').map((part) => Number(part.trim()));
	if (numbers.some((value) => !Number.isInteger(value) || value < 1 || value > 10)) {
		throw new Error(`BENCH_ONLY must list scenario numbers 1-10 such as "6,7", not "${raw}"`);
	}
	return numbers;
}
