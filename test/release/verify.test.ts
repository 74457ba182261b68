/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: copies the package and runs the verify script */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const PLANTED_NODE = 'nodes/OpenAiProjects/OpenAiProjects.node';

/** `npm run verify` on a copy of the built package (dist + package.json) and a copy of the source. */
function verifyCopies(plant: (copies: { packageDir: string; sourceDir: string }) => void) {
	const work = mkdtempSync(path.join(tmpdir(), 'openai-org-verify-test-'));
	try {
		const packageDir = path.join(work, 'package');
		const sourceDir = path.join(work, 'source');
		cpSync(path.join(root, 'dist'), path.join(packageDir, 'dist'), { recursive: true });
		for (const entry of ['nodes', 'credentials', 'package.json']) cpSync(path.join(root, entry), path.join(sourceDir, entry), { recursive: true });
		cpSync(path.join(root, 'package.json'), path.join(packageDir, 'package.json'));
		plant({ packageDir, sourceDir });
		const run = spawnSync(process.execPath, ['scripts/verify.mjs', `--package=${packageDir}`, `--source=${sourceDir}`], {
			cwd: root,
			encoding: 'utf8',
		});
		return { code: run.status, output: `${run.stdout}${run.stderr}` };
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

function appendLine(file: string, line: string) {
	writeFileSync(file, `${readFileSync(file, 'utf8')}\n${line}\n`);
}

describe("npm run verify: n8n's community-package scan on the tarball and the source", () => {
	it('passes the package as it is built', () => {
		const { code, output } = verifyCopies(() => {});
		expect(output).toContain("n8n's community-package scan: no message");
		expect(code).toBe(0);
	}, 120_000);

	it('fails on a console.log planted in a node, in the compiled tarball and in the source, naming the file and the rule', () => {
		const { code, output } = verifyCopies(({ packageDir, sourceDir }) => {
			appendLine(path.join(packageDir, 'dist', `${PLANTED_NODE}.js`), 'console.log("planted");');
			appendLine(path.join(sourceDir, `${PLANTED_NODE}.ts`), 'console.log("planted");');
		});
		expect(code).toBe(1);
		expect(output).toMatch(new RegExp(`dist/${PLANTED_NODE}\\.js:\\d+ error no-console`));
		expect(output).toMatch(new RegExp(`${PLANTED_NODE}\\.ts:\\d+ error no-console`));
	}, 120_000);

	it('does not let an inline eslint-disable comment hide the planted call, as n8n\'s scanner does not', () => {
		const { code, output } = verifyCopies(({ sourceDir }) => {
			appendLine(path.join(sourceDir, `${PLANTED_NODE}.ts`), '// eslint-disable-next-line no-console\nconsole.log("hidden");');
		});
		expect(code).toBe(1);
		expect(output).toMatch(/no-console/);
	}, 120_000);
});
