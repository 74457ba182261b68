/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: reads the repository's own files */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The commands of README's first code block, comments and blank lines left out. */
function readmeSetUpCommands(readme: string): string[] {
	const block = /```[a-z]*\n([\s\S]*?)```/.exec(readme);
	if (!block) return [];
	return block[1]
		.split('\n')
		.map((line) => line.replace(/\s+#.*$/, '').trim())
		.filter((line) => line !== '' && !line.startsWith('#'));
}

/** The lines of .ci/run that run something (not comments). */
function ciCommandLines(script: string): string[] {
	return script
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'));
}

describe("README's set-up commands and what CI runs", () => {
	const commands = readmeSetUpCommands(read('README.md'));

	it('README starts with two set-up commands: one runs the demo, one the tests', () => {
		expect(commands).toEqual([expect.stringMatching(/npm run demo$/), expect.stringMatching(/npm test$/)]);
	});

	it.each(readmeSetUpCommands(read('README.md')))('.ci/run runs "%s" exactly as printed', (command) => {
		const runs = ciCommandLines(read('.ci/run')).some(
			(line) => line === command || line.startsWith(`${command} `),
		);
		expect(runs).toBe(true);
	});

	it('.ci/run installs n8n into an empty cache folder of its own, not the machine\'s warm cache', () => {
		const lines = ciCommandLines(read('.ci/run'));
		const cacheSet = lines.findIndex((line) => /XDG_CACHE_HOME="\$\(mktemp -d/.test(line));
		const demo = lines.findIndex((line) => line.includes('npm run demo'));
		expect(cacheSet).toBeGreaterThanOrEqual(0);
		expect(cacheSet).toBeLessThan(demo);
	});
});

describe('the n8n version matrix', () => {
	const matrix = JSON.parse(read('test/e2e/matrix.json')) as Array<{ n8n: string; node: string }>;
	const lines = ciCommandLines(read('.ci/run'));

	it('covers the newest 1.x, the pinned 2.8.4 and the newest 2.x on Node 24', () => {
		expect(matrix).toEqual([
			expect.objectContaining({ n8n: '1.x' }),
			expect.objectContaining({ n8n: '2.8.4', node: '' }),
			expect.objectContaining({ n8n: '2.x', node: '24' }),
		]);
	});

	it('CI runs the end-to-end suite on the pinned 2.8.4 and on the newest 2.x on every run', () => {
		expect(lines).toContain('npm run test:e2e');
		expect(lines.some((line) => line.endsWith('N8N_VERSION=2.x N8N_NODE=24 npm run test:e2e'))).toBe(true);
	});

	it('CI runs the end-to-end suite on the newest 1.x on Node 22 too, after its install in the background', () => {
		const suite = lines.findIndex((line) => line.endsWith('N8N_VERSION=1.x N8N_NODE=22 npm run test:e2e'));
		const install = lines.findIndex((line) => line.includes('N8N_VERSION=1.x N8N_NODE=22 bash scripts/install-n8n.sh'));
		expect(install).toBeGreaterThanOrEqual(0);
		expect(suite).toBeGreaterThan(install);
	});

	it('CI installs the newest 2.x into its own empty cache too, never a warm one of the machine', () => {
		const newest = lines.filter((line) => line.includes('N8N_VERSION=2.x'));
		expect(newest.length).toBeGreaterThan(0);
		for (const line of newest) expect(line).not.toMatch(/XDG_CACHE_HOME|N8N_CACHE_DIR/);
		expect(lines.join('\n')).not.toMatch(/\$HOME\/\.cache|MACHINE_CACHE/);
	});
});

describe('npm scripts under the project .npmrc', () => {
	const ignoresScripts = /^ignore-scripts\s*=\s*true/m.test(read('.npmrc'));
	const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;

	it('no pre/post script is relied on while .npmrc switches them off, but the publish guard, which publishConfig switches on', () => {
		const publishRunsScripts = (JSON.parse(read('package.json')).publishConfig ?? {})['ignore-scripts'] === false;
		const prePost = Object.keys(scripts).filter((name) => /^(pre|post)/.test(name) && !(name === 'prepack' && publishRunsScripts));
		expect(ignoresScripts ? prePost : []).toEqual([]);
	});

	it('npm test builds the package itself before jest runs', () => {
		expect(scripts.test).toMatch(/^npm run build && jest\b/);
	});
});

describe('the queue-mode suite', () => {
	const lines = ciCommandLines(read('.ci/run'));
	const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;

	it('package.json runs it as npm run test:queue, and CI runs exactly that', () => {
		expect(scripts['test:queue']).toBe('node test/e2e/queue.js');
		expect(lines).toContain('npm run test:queue');
	});

	it('CI runs it after the pinned end-to-end run, whose n8n install it reuses', () => {
		expect(lines.indexOf('npm run test:queue')).toBeGreaterThan(lines.indexOf('npm run test:e2e'));
	});

	it("README's queue-mode section names the command CI runs", () => {
		const readme = read('README.md');
		const section = readme.slice(readme.indexOf('## Scaling out with queue mode'), readme.indexOf('\n## ', readme.indexOf('## Scaling out with queue mode') + 1));
		expect(section).toContain('`npm run test:queue`');
	});
});

describe("README's table of the demo's examples", () => {
	const readme = read('README.md');
	const start = readme.indexOf('## The demo');
	const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
	const rowNames = section
		.split('\n')
		.filter((line) => line.startsWith('| ') && !/^\|[-| ]+\|$/.test(line))
		.map((line) => line.split('|')[1].trim())
		.filter((name) => name !== 'Example');
	const exampleNames = readdirSync(path.join(root, 'examples'))
		.filter((file) => file.endsWith('.json'))
		.map((file) => (JSON.parse(read(path.join('examples', file))) as { name: string }).name);

	it.each(exampleNames)('has a row for the example "%s", with what its first click does', (name) => {
		expect(rowNames).toContain(name);
	});

	it('has no row for an example that is gone', () => {
		expect(rowNames.filter((name) => !exampleNames.includes(name))).toEqual([]);
	});
});
