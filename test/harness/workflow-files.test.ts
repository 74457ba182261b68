/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ECHO_TYPE, HEADER_CREDENTIAL, useFixturePackage } from './fixtures/fixture-package';
import { type RecordingServer, startRecordingServer } from './fixtures/recording-server';
import { loadWorkflow, runWorkflow, singleNodeWorkflow } from './index';

let server: RecordingServer;

beforeAll(async () => {
	useFixturePackage();
	server = await startRecordingServer();
});
afterAll(async () => await server.close());

describe('loadWorkflow', () => {
	test('reads an exported workflow by a path relative to the repository root, and it runs node after node', async () => {
		const workflow = loadWorkflow('test/harness/fixtures/echo-then-noop.workflow.json');

		const result = await runWorkflow(workflow, {
			credentials: { 'cred-fixture': { apiKey: 'sk-fixture-key', baseUrl: server.baseUrl } },
			inputItems: [{ id: 'a' }, { id: 'b' }],
		});

		expect(result.finished).toBe(true);
		expect(result.nodes.Echo.items.map((item) => item.path)).toEqual([
			'/v1/items/a?item=0',
			'/v1/items/b?item=1',
		]);
		expect(result.nodes['Echo Again'].items).toHaveLength(2);
		expect(result.nodes['Echo Again'].items[1].input).toEqual(result.nodes.Echo.items[1]);
	});

	test('refuses a JSON file that is not a workflow', () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'harness-'));
		try {
			const file = path.join(folder, 'not-a-workflow.json');
			writeFileSync(file, JSON.stringify({ name: 'just a name' }));

			expect(() => loadWorkflow(file)).toThrow('needs "nodes" and "connections"');
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});
});

describe('singleNodeWorkflow', () => {
	test('connects a Manual Trigger to the node, with its credentials and parameters', () => {
		const workflow = singleNodeWorkflow({
			type: ECHO_TYPE,
			name: 'Echo',
			parameters: { path: '/x' },
			credentials: HEADER_CREDENTIAL,
		});

		expect(workflow.nodes.map((node) => node.type)).toEqual([
			'n8n-nodes-base.manualTrigger',
			ECHO_TYPE,
		]);
		expect(workflow.nodes[1]).toMatchObject({
			name: 'Echo',
			parameters: { path: '/x' },
			credentials: HEADER_CREDENTIAL,
		});
		expect(workflow.connections['Manual Trigger'].main[0]).toEqual([
			{ node: 'Echo', type: 'main', index: 0 },
		]);
	});

	test('gives the node its default version unless typeVersion says otherwise', () => {
		expect(singleNodeWorkflow({ type: ECHO_TYPE, parameters: {} }).nodes[1].typeVersion).toBe(2);
		expect(
			singleNodeWorkflow({ type: ECHO_TYPE, parameters: {}, typeVersion: 1 }).nodes[1].typeVersion,
		).toBe(1);
	});

	test("continueOnFail sets onError to 'continueRegularOutput', as n8n's setting stores it", () => {
		const continuing = singleNodeWorkflow({
			type: ECHO_TYPE,
			parameters: {},
			continueOnFail: true,
		});
		const stopping = singleNodeWorkflow({ type: ECHO_TYPE, parameters: {} });

		expect(continuing.nodes[1].onError).toBe('continueRegularOutput');
		expect(stopping.nodes[1].onError).toBeUndefined();
	});
});
