/**
 * What one node execution reads once and shares among its items: a destructive operation checking 300 items
 * reads the listing that holds them by pages, not one GET per item.
 *
 * n8n hands every item of a run the same context object, so the memo hangs off that object; a WeakMap keeps no
 * context alive, so nothing is carried into the next execution (or to another worker in queue mode). A load that
 * fails is forgotten, so a later item may try again.
 */
const memoOfExecution = new WeakMap<object, Map<string, Promise<unknown>>>();

export async function runScoped<T>(execution: object, key: string, load: () => Promise<T>): Promise<T> {
	let memo = memoOfExecution.get(execution);
	if (!memo) {
		memo = new Map();
		memoOfExecution.set(execution, memo);
	}
	const known = memo.get(key) as Promise<T> | undefined;
	if (known) return await known;
	const loading = load();
	memo.set(key, loading);
	loading.catch(() => {
		if (memo.get(key) === loading) memo.delete(key);
	});
	return await loading;
}
