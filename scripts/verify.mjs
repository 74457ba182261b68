#!/usr/bin/env node
/**
 * `npm run verify`: n8n's own community-package scan, offline. n8n verifies a package with @n8n/scan-community-package:
 * after the provenance check it downloads the tarball, unpacks it and lints the compiled `**\/*.js` and package.json,
 * and it lints the source the provenance points at (package.json, nodes/ and credentials/). Its CLI only takes a
 * published name (and needs the registry, GitHub and provenance), so this script calls the same exported analysis
 * (`analyzePackage`, the scanner's own ESLint set-up, its own file patterns) on what `npm pack` makes here, unpacked
 * the way the scanner unpacks it, and on the source. Inline `eslint-disable` comments do not count there either.
 *
 * The scanner fails a package on errors only; this script also fails on any warning, so that nothing it reports
 * can pile up unseen. Exit 0: no message at all. Exit 1: the messages, file by file.
 *
 *   node scripts/verify.mjs                          build, pack, unpack, scan the tarball and the source
 *   node scripts/verify.mjs --package=<tgz|dir> --source=<dir>   scan what is given instead (no build, no pack)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What the scanner lints in the unpacked tarball (scanner.mjs, analyzePackageByName). */
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: process.env });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${(result.stderr || result.stdout).slice(-3000)}`);
	}
	return result.stdout;
}

function argument(name) {
	return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** `npm pack` into a temp folder: the tarball's path. */
function packRepository(workDir) {
	run('npm', ['pack', '--pack-destination', workDir, '--loglevel=error'], REPO_ROOT);
	const tarball = fs.readdirSync(workDir).find((file) => file.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack made no tarball');
	return path.join(workDir, tarball);
}

/** Unpacked as the scanner does it: `tar -xzf <tgz> -C <dir> --strip-components=1`. */
function unpack(tarball, workDir) {
	const packageDir = path.join(workDir, 'package');
	fs.mkdirSync(packageDir, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], workDir);
	return packageDir;
}

/** Every message ESLint gives with the scanner's configuration, warnings included. */
async function allMessages(scanner, directory, patterns) {
	const { ESLint } = await import('eslint');
	const { default: glob } = await import('fast-glob');
	const eslint = new ESLint({
		cwd: directory,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
	});
	const files = glob.sync(patterns, { cwd: directory, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	const results = await eslint.lintFiles(files);
	const messages = results.flatMap((result) =>
		result.messages.map((message) => ({
			file: path.relative(directory, result.filePath),
			line: message.line,
			rule: message.ruleId ?? 'parse',
			severity: message.severity === 2 ? 'error' : 'warning',
			text: message.message,
		})),
	);
	return { files: files.length, messages };
}

async function scan(scanner, label, directory, patterns) {
	const started = Date.now();
	const verdict = await scanner.analyzePackage(directory, patterns);
	const { files, messages } = await allMessages(scanner, directory, patterns);
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const passed = verdict.passed && messages.length === 0;
	process.stdout.write(
		`${passed ? 'ok  ' : 'FAIL'} ${label}: ${files} files, scanner verdict ${verdict.passed ? 'passed' : `failed (${verdict.message})`}, ${messages.length} message(s) (${seconds} s)\n`,
	);
	for (const m of messages) process.stdout.write(`     ${m.file}:${m.line} ${m.severity} ${m.rule}: ${m.text}\n`);
	if (!verdict.passed && messages.length === 0 && verdict.details) process.stdout.write(`${verdict.details}\n`);
	return passed;
}

async function main() {
	// eslint-plugin-n8n-nodes-base treats every file as a node file named Test.node.ts when NODE_ENV is "test" (as
	// under jest), which turns its filename and trigger rules into false reports; n8n's scanner never runs so.
	if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;
	// The scanner's module makes a temp folder when it loads and imports axios, but sends nothing until a
	// package is looked up by name, which this script never does.
	const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openai-org-verify-'));
	try {
		let packageArg = argument('package');
		const sourceDir = path.resolve(argument('source') ?? REPO_ROOT);
		if (!packageArg) {
			process.stdout.write('building and packing the package as it is published...\n');
			run('npm', ['run', 'build', '--silent'], REPO_ROOT);
			packageArg = packRepository(workDir);
		}
		const packageDir = fs.statSync(packageArg).isDirectory() ? path.resolve(packageArg) : unpack(path.resolve(packageArg), workDir);
		const results = [
			await scan(scanner, 'the unpacked tarball (compiled .js and package.json)', packageDir, TARBALL_PATTERNS),
			await scan(scanner, 'the source (package.json, nodes/, credentials/)', sourceDir, scanner.SOURCE_FILE_PATTERNS),
		];
		const passed = results.every(Boolean);
		process.stdout.write(passed ? "n8n's community-package scan: no message\n" : "n8n's community-package scan found messages (above)\n");
		return passed ? 0 : 1;
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exit(1);
	},
);
