/* eslint-disable @n8n/community-nodes/no-restricted-globals -- bench code: a measured child process in plain Node, never inside n8n */
import type { TaskOutcome, WorkerMessage, WorkerResult, WorkerTask } from './protocol';

const SAMPLE_EVERY_MS = 5;

/** The plain clients must not pay for loading n8n-core: each task loads only what it uses. */
async function runTask(task: WorkerTask): Promise<TaskOutcome> {
	/* eslint-disable @typescript-eslint/no-require-imports */
	switch (task.kind) {
		case 'listWithNode':
			return await (require('./nodeWorkflows') as typeof import('./nodeWorkflows')).listWithNode(task.baseUrl);
		case 'chatWithNode':
			return await (require('./nodeWorkflows') as typeof import('./nodeWorkflows')).chatWithNode(
				task.baseUrl,
				task.items,
				task.concurrency,
				task.api,
			);
		case 'findStaleWithNode':
			return await (require('./nodeWorkflows') as typeof import('./nodeWorkflows')).findStaleWithNode(
				task.baseUrl,
				task.inactiveDays,
			);
		case 'listWithFetch':
			return await (require('./plainClients') as typeof import('./plainClients')).listWithFetch(task.baseUrl);
		case 'chatWithPool':
			return await (require('./plainClients') as typeof import('./plainClients')).chatWithPool(
				task.baseUrl,
				task.items,
				task.concurrency,
				task.api,
			);
		case 'chatWithCoreHelper':
			return await (require('./coreHelperPool') as typeof import('./coreHelperPool')).chatWithCoreHelper(
				task.baseUrl,
				task.items,
				task.concurrency,
				task.api,
			);
		case 'chatWithRetryPool':
			return await (require('./plainClients') as typeof import('./plainClients')).chatWithRetryPool(
				task.baseUrl,
				task.items,
				task.concurrency,
			);
		case 'batchWithNode':
			return await (require('./nodeWorkflows') as typeof import('./nodeWorkflows')).batchWithNode(task.baseUrl, task.items);
		case 'archiveWithNode':
			return await (require('./nodeWorkflows') as typeof import('./nodeWorkflows')).archiveWithNode(
				task.baseUrl,
				task.projectIds,
				task.maxRetries,
			);
		case 'archiveWithLoop':
			return await (require('./plainClients') as typeof import('./plainClients')).archiveWithLoop(
				task.baseUrl,
				task.projectIds,
				task.maxRetries,
			);
	}
	/* eslint-enable @typescript-eslint/no-require-imports */
}

function collectGarbage(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('the worker needs --expose-gc');
	gc();
}

/** Samples heap and RSS on a timer; a synchronous stretch can hide a peak between samples, maxRSS cannot. */
function startMemorySampler() {
	let peakHeapBytes = 0;
	let peakRssBytes = 0;
	const sample = () => {
		const usage = process.memoryUsage();
		peakHeapBytes = Math.max(peakHeapBytes, usage.heapUsed);
		peakRssBytes = Math.max(peakRssBytes, usage.rss);
	};
	const timer = setInterval(sample, SAMPLE_EVERY_MS);
	sample();
	return () => {
		sample();
		clearInterval(timer);
		const maxRssBytes = process.resourceUsage().maxRSS * 1024;
		return { peakHeapBytes, peakRssBytes: Math.max(peakRssBytes, maxRssBytes) };
	};
}

async function measure(task: WorkerTask): Promise<WorkerResult> {
	// Load the code first so that what is measured is the run, not the require of n8n-core.
	if (task.kind.endsWith('WithNode')) (require('./nodeWorkflows') as typeof import('./nodeWorkflows')).loadNodeCode(); // eslint-disable-line @typescript-eslint/no-require-imports
	if (task.kind === 'chatWithCoreHelper') require('./coreHelperPool'); // eslint-disable-line @typescript-eslint/no-require-imports
	collectGarbage();
	const idleHeapBytes = process.memoryUsage().heapUsed;
	const stopSampler = startMemorySampler();
	const started = performance.now();
	const outcome = await runTask(task);
	const wallMs = performance.now() - started;
	return { ...outcome, wallMs, idleHeapBytes, ...stopSampler() };
}

process.once('message', (task: WorkerTask) => {
	measure(task)
		.then((result) => ({ result }) as WorkerMessage)
		.catch((error: Error) => ({ error: error.stack ?? error.message }) as WorkerMessage)
		.then((message) => process.send?.(message, () => process.exit(0)));
});
