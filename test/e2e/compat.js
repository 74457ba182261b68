'use strict';
/**
 * `npm run test:compat [-- --only=2.x,2.8.4]`: the end-to-end suite once per entry of test/e2e/matrix.json, one after the
 * other (each n8n is ~2.3 GB and its install takes minutes: never two at once). `n8n` is an exact release or a line
 * (`1.x`, `2.x`: the newest release of that line that installs here); `node` empty means the machine's Node, a
 * major such as `24` means Node from the npm registry (scripts/install-n8n.sh explains both).
 * Prints each entry's install time and the suite's summary line, writes test/e2e/artifacts/compat.json, and fails
 * when any entry fails.
 */
const fs = require('node:fs');
const path = require('node:path');
const packaging = require('./lib/packaging');
const { startProcess, stopAllProcesses, stopAllOnExit } = require('./lib/processes');

const MATRIX = JSON.parse(fs.readFileSync(path.join(__dirname, 'matrix.json'), 'utf8'));
const RESULTS = path.join(__dirname, 'artifacts', 'compat.json');

function entryEnvironment(entry) {
	return { N8N_VERSION: entry.n8n, N8N_NODE: entry.node };
}

/** Runs `npm run test:e2e` for one entry, its output shown as it comes; answers the suite's last line. */
async function runSuite(entry) {
	const child = startProcess(process.execPath, [path.join(__dirname, 'run.js')], {
		cwd: packaging.REPO_ROOT,
		env: { ...process.env, ...entryEnvironment(entry) },
	});
	child.stdout.on('data', (chunk) => process.stdout.write(chunk));
	child.stderr.on('data', (chunk) => process.stderr.write(chunk));
	const { code } = await child.exited;
	const summary = /(\d+) passed, (\d+) failed\s*$/.exec(child.output.trimEnd());
	return { code, summary: summary ? summary[0].trim() : 'no summary line (the suite did not finish)' };
}

async function main(argv) {
	const only = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
	const entries = MATRIX.filter((entry) => !only || only.includes(entry.n8n) || only.includes(entry.name));
	if (!entries.length) throw new Error(`no matrix entry named ${only}`);
	const results = [];
	for (const entry of entries) {
		process.stdout.write(`\n=== ${entry.name}: n8n ${entry.n8n} on Node ${entry.node || 'of this machine'}\n`);
		const result = { name: entry.name, requested: entry, date: new Date().toISOString().slice(0, 10) };
		try {
			const installed = await packaging.installN8n(entryEnvironment(entry));
			Object.assign(result, { n8n: installed.n8nVersion, node: installed.nodeVersion, installSeconds: installed.seconds });
			const started = Date.now();
			Object.assign(result, await runSuite(entry), { e2eSeconds: Math.round((Date.now() - started) / 1000) });
		} catch (error) {
			Object.assign(result, { code: 1, summary: `install failed: ${error.message.split('\n')[0]}` });
		}
		results.push(result);
	}
	fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
	fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
	process.stdout.write('\n=== compatibility matrix\n');
	for (const r of results) {
		const timing = r.installSeconds === undefined ? '' : ` (install or check ${r.installSeconds} s, suite ${r.e2eSeconds} s)`;
		process.stdout.write(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.name}: n8n ${r.n8n ?? r.requested.n8n} on Node ${r.node ?? '?'}: ${r.summary}${timing}\n`);
	}
	process.stdout.write(`results: ${RESULTS}\n`);
	return results.every((r) => r.code === 0) ? 0 : 1;
}

stopAllOnExit();
main(process.argv.slice(2))
	.then((code) => (process.exitCode = code))
	.catch(async (error) => {
		process.stderr.write(`${error.stack}\n`);
		await stopAllProcesses();
		process.exitCode = 1;
	});
