/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: packs the package and reads the tarball */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the e2e suites' own packing, plain JavaScript
const packaging = require('../e2e/lib/packaging') as { packPackage(): Promise<string> };

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
};
/** What the package weighed when this budget was set (175 files, 116 kB packed): room to grow, not to double. */
const PACKED_BUDGET_BYTES = 200_000;

describe('The tarball users install (npm pack of the built package)', () => {
	let tarball: string;
	let files: string[];

	beforeAll(async () => {
		tarball = await packaging.packPackage();
		files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
			.split('\n')
			.filter((line) => line !== '' && !line.endsWith('/'))
			.map((line) => line.replace(/^package\//, ''));
	}, 120_000);

	afterAll(() => rmSync(path.dirname(tarball), { recursive: true, force: true }));

	it('holds package.json, README.md, LICENSE and dist/ only', () => {
		expect(files.filter((file) => !file.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
	});

	it('holds no build info, no stray package.json, no declarations and no source maps', () => {
		expect(files.filter((file) => /tsbuildinfo$|^dist\/.*package\.json$|\.d\.ts$|\.map$/.test(file))).toEqual([]);
	});

	it('holds every node and credential package.json names, each node with its codex file and both icons', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(file);
		for (const node of pkg.n8n.nodes) {
			expect(files).toContain(node.replace(/\.node\.js$/, '.node.json'));
			const icons = files.filter((file) => file.startsWith(path.dirname(node)) && file.endsWith('.svg'));
			expect(icons.some((icon) => icon.endsWith('.dark.svg'))).toBe(true);
			expect(icons.some((icon) => !icon.endsWith('.dark.svg'))).toBe(true);
		}
	});

	it('holds only JavaScript, JSON and SVG under dist/ (n8n loads nothing else)', () => {
		expect(files.filter((file) => file.startsWith('dist/') && !/\.(js|json|svg)$/.test(file))).toEqual([]);
	});

	it('holds nothing of dist/ outside nodes/ and credentials/ (no test screenshot the build copied along)', () => {
		expect(files.filter((file) => file.startsWith('dist/') && !/^dist\/(nodes|credentials)\//.test(file))).toEqual([]);
	});

	it(`stays under ${PACKED_BUDGET_BYTES / 1000} kB packed`, () => {
		expect(statSync(tarball).size).toBeLessThan(PACKED_BUDGET_BYTES);
	});
});
