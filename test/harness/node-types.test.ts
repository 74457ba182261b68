/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { loadCommunityPackage } from './community-package';
import { FIXTURE_PACKAGE_ROOT, useFixturePackage } from './fixtures/fixture-package';
import { resolveCredentialType, resolveNodeType } from './type-registry';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

describe('node and credential types', () => {
	beforeAll(() => useFixturePackage());

	test("a package's node is found by <package name>.<node name> and by its bare name", () => {
		const byFullName = resolveNodeType('n8n-nodes-harness-fixture.fixtureEcho');

		expect(byFullName.description.name).toBe('fixtureEcho');
		expect(resolveNodeType('fixtureEcho')).toBe(byFullName);
	});

	test('credential types keep their authenticate and test, in object and function form', () => {
		const headerType = resolveCredentialType('fixtureHeaderApi');
		const signedType = resolveCredentialType('fixtureSignedApi');

		expect(headerType.authenticate).toMatchObject({ type: 'generic' });
		expect(typeof signedType.authenticate).toBe('function');
		expect(headerType.test).toMatchObject({ request: { url: '/models' } });
	});

	test('the Manual and Schedule triggers are built in', () => {
		expect(resolveNodeType('n8n-nodes-base.manualTrigger').description.name).toBe('manualTrigger');
		expect(resolveNodeType('n8n-nodes-base.scheduleTrigger').description.name).toBe(
			'scheduleTrigger',
		);
	});

	test('an unknown node type is refused with its name', () => {
		expect(() => resolveNodeType('n8n-nodes-harness-fixture.doesNotExist')).toThrow(
			'Unknown node type "n8n-nodes-harness-fixture.doesNotExist"',
		);
	});

	test('a package whose built files are missing asks to run the build first', () => {
		const root = mkdtempSync(path.join(tmpdir(), 'harness-package-'));
		try {
			writeFileSync(
				path.join(root, 'package.json'),
				JSON.stringify({
					name: 'n8n-nodes-unbuilt',
					n8n: { nodes: ['dist/nodes/Missing.node.js'] },
				}),
			);

			expect(() => loadCommunityPackage(root)).toThrow('run npm run build first');
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});

	test("this repository's package is read from package.json: its nodes when built, else the build request", () => {
		const manifest = JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as {
			n8n: { nodes: string[] };
		};
		const built = manifest.n8n.nodes.every((file) => existsSync(path.join(REPOSITORY_ROOT, file)));

		if (built) {
			expect(resolveNodeType('n8n-nodes-openai-org.openAiProjects').description.name).toBe(
				'openAiProjects',
			);
			expect(resolveCredentialType('openAiOrgApi').name).toBe('openAiOrgApi');
		} else {
			expect(() => resolveNodeType('n8n-nodes-openai-org.openAiProjects')).toThrow(
				'run npm run build first',
			);
		}
	});

	test('the fixture package loads the way n8n loads a community package', () => {
		const fixture = loadCommunityPackage(FIXTURE_PACKAGE_ROOT);

		expect(fixture.name).toBe('n8n-nodes-harness-fixture');
		expect([...fixture.nodeTypes.keys()]).toEqual(['fixtureEcho']);
		expect([...fixture.credentialTypes.keys()]).toEqual(['fixtureHeaderApi', 'fixtureSignedApi']);
	});
});
