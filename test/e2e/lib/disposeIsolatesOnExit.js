'use strict';
/**
 * Preloaded into every n8n process the suite starts (`NODE_OPTIONS=--require <this file>`, see lib/n8n.js).
 *
 * Why: n8n ≥ 2.13 evaluates expressions in isolated-vm isolates (N8N_EXPRESSION_ENGINE=vm, the default in 2.41).
 * Its CLI commands other than `start` (`execute`, `import:*`) end in BaseCommand.finally(), which closes the
 * database and calls process.exit() without Expression.disposeExpressionEngine(). When an isolate thread is still
 * at work (the pool refills itself after an execution), Node tears V8's platform down under it and the process dies
 * with SIGSEGV after it has printed its complete result. Seen with n8n 2.41.1 on Node 24.21.0: a workflow of only a
 * Manual Trigger and a Set node, no community package installed, crashed in 3 of 6 `n8n execute` runs; gdb showed
 * an isolated-vm thread inside V8's allocator while the main thread ran Node's exit cleanup.
 *
 * What: process.exit() first disposes n8n's expression engine (what n8n's own exitSuccessFully() does), then exits
 * with the same code; at most 10 s. Nothing else changes: the executions still run on n8n's default engine. On an
 * n8n without the vm engine (1.x, 2.8) n8n-workflow has no disposeExpressionEngine and process.exit is unchanged.
 */
const realExit = process.exit;
let exiting = false;

function loadedExpressionClass() {
	const file = Object.keys(require.cache).find((name) => /[\\/]n8n-workflow[\\/]dist[\\/](cjs[\\/])?index\.js$/.test(name));
	return file ? require.cache[file].exports?.Expression : undefined;
}

process.exit = function exitAfterDisposingIsolates(code) {
	const Expression = exiting ? undefined : loadedExpressionClass();
	if (typeof Expression?.disposeExpressionEngine !== 'function') return realExit.call(process, code);
	exiting = true;
	const exit = () => realExit.call(process, code);
	const deadline = setTimeout(exit, 10_000);
	Promise.resolve()
		.then(() => Expression.disposeExpressionEngine())
		.catch(() => undefined)
		.finally(() => {
			clearTimeout(deadline);
			exit();
		});
};
