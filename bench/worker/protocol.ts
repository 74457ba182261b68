/** Which of OpenAI's two model APIs a chat task calls: /chat/completions or /responses. */
export type ChatApi = 'chatCompletions' | 'responses';

/** What the bench asks a measured child process to do, and what it answers. */
export type WorkerTask =
	| { kind: 'listWithNode'; baseUrl: string }
	| { kind: 'listWithFetch'; baseUrl: string }
	| { kind: 'findStaleWithNode'; baseUrl: string; inactiveDays: number }
	| { kind: 'chatWithNode'; baseUrl: string; items: number; concurrency: number; api?: ChatApi }
	| { kind: 'chatWithPool'; baseUrl: string; items: number; concurrency: number; api?: ChatApi }
	/** The same pool calling n8n-core's own request helper: no node code at all. */
	| { kind: 'chatWithCoreHelper'; baseUrl: string; items: number; concurrency: number; api?: ChatApi }
	/** A pool with retries on 429 (Retry-After, else backoff): what a coder writes against a rate limit. */
	| { kind: 'chatWithRetryPool'; baseUrl: string; items: number; concurrency: number }
	/** The chat node's Batch > Create with Wait for Results: every item in one JSONL file, polled until done. */
	| { kind: 'batchWithNode'; baseUrl: string; items: number }
	| { kind: 'archiveWithNode'; baseUrl: string; projectIds: string[]; maxRetries: number }
	| { kind: 'archiveWithLoop'; baseUrl: string; projectIds: string[]; maxRetries: number };

export interface TaskOutcome {
	/** Items the node put out, or records the plain code collected. */
	items: number;
	/** Output items that are errors (continue on fail) or records that are not what was asked for. */
	failedItems: number;
}

export interface WorkerResult extends TaskOutcome {
	wallMs: number;
	/** heapUsed just before the task, after a full GC: the process's idle weight (n8n-core loaded or not). */
	idleHeapBytes: number;
	peakHeapBytes: number;
	peakRssBytes: number;
}

export type WorkerMessage = { result: WorkerResult } | { error: string };
