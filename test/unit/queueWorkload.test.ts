/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- test code: reads the queue suite's plain-JS workload, never runs inside n8n */
import path from 'node:path';

import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeTypeDescription, INodeParameters } from 'n8n-workflow';

import * as F from '../openai-server/fixtures';

interface PlannedRequest {
	kind: string;
	key: string;
	comparableKey: string;
	path: string;
	body: Record<string, unknown>;
}
interface Kind {
	kind: string;
	workflow: (fixtures: typeof F) => { id: string; nodes: INode[] };
}
const workload = require('../e2e/queue/workload.js') as {
	KINDS: Kind[];
	KILL_KINDS: Kind[];
	plannedRequests: (count: number, fixtures: typeof F, world: { run: string; acmeProjectIds: string[] }, kinds?: Kind[]) => PlannedRequest[];
	comparableOutput: (kind: string, runData: unknown, run: string) => unknown[];
};

const world = (run: string) => ({ run, acmeProjectIds: ['proj_a', 'proj_b', 'proj_c'] });
const runDataOf = (nodeName: string, items: Array<Record<string, unknown>>) => ({
	[nodeName]: [{ data: { main: [items.map((json) => ({ json }))] } }],
});

describe('the queue suite workload (test/e2e/queue)', () => {
	it('plans every kind of work, with request keys and project names that never repeat', () => {
		const requests = workload.plannedRequests(220, F, world('main'));
		expect(new Set(requests.map((request) => request.kind))).toEqual(new Set(workload.KINDS.map((kind) => kind.kind)));
		expect(new Set(requests.map((request) => request.key)).size).toBe(220);
		const names = requests.filter((request) => request.kind === 'projects-create').map((request) => request.body.name);
		expect(names.length).toBeGreaterThan(20);
		expect(new Set(names).size).toBe(names.length);
	});

	it("gives the kill test's n-th request of a kind the body of the workload's n-th, apart from the batch name", () => {
		const main = workload.plannedRequests(60, F, world('main'));
		const kill = workload.plannedRequests(60, F, world('kill'), workload.KILL_KINDS);
		expect(kill.map((request) => request.comparableKey)).toEqual(main.map((request) => request.comparableKey));
		const bodyWithoutBatch = (request: PlannedRequest) => JSON.stringify({ ...request.body, key: undefined }).replace(/Queue (main|kill) /g, '');
		expect(kill.map(bodyWithoutBatch)).toEqual(main.map(bodyWithoutBatch));
	});

	it('compares outputs without the ids a second run changes, and still sees a different answer', () => {
		const chat = (id: string, requestId: string, content: string) => runDataOf('Chat', [{ id, requestId, content, organizationId: F.ORG_ACME }]);
		const first = workload.comparableOutput('chat', chat('chatcmpl-1', 'req_1', 'Echo: hi'), 'main');
		expect(workload.comparableOutput('chat', chat('chatcmpl-2', 'req_2', 'Echo: hi'), 'main')).toEqual(first);
		expect(workload.comparableOutput('chat', chat('chatcmpl-2', 'req_2', 'Echo: bye'), 'main')).not.toEqual(first);
		const project = (run: string, id: string) => runDataOf('Create project', [{ object: 'organization.project', id, name: `Queue ${run} 0001`, status: 'active', archived_at: null, created_at: 1 }]);
		expect(workload.comparableOutput('projects-create', project('kill', 'proj_2'), 'kill')).toEqual(workload.comparableOutput('projects-create', project('main', 'proj_1'), 'main'));
	});

	it("uses only parameters the package's nodes accept (n8n refuses to publish a workflow with parameter issues)", () => {
		const built = (file: string, name: string) => {
			const Type = require(path.join(__dirname, '..', '..', 'dist', 'nodes', file))[name];
			return new Type();
		};
		const types: Record<string, { description: INodeTypeDescription; nodeVersions?: Record<number, { description: INodeTypeDescription }> }> = {
			'n8n-nodes-openai-org.openAiProjects': built('OpenAiProjects/OpenAiProjects.node.js', 'OpenAiProjects'),
			'n8n-nodes-openai-org.openAiOrgChat': built('OpenAiOrgChat/OpenAiOrgChat.node.js', 'OpenAiOrgChat'),
		};
		const issues: Record<string, unknown> = {};
		for (const kind of [...workload.KINDS, ...workload.KILL_KINDS]) {
			for (const node of kind.workflow(F).nodes.filter((candidate) => types[candidate.type])) {
				const type = types[node.type];
				const description = type.nodeVersions?.[node.typeVersion]?.description ?? type.description;
				const parameters = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) as INodeParameters;
				const found = NodeHelpers.getNodeParametersIssues(description.properties, { ...node, parameters }, description);
				if (found) issues[`${kind.kind}: ${node.name}`] = found;
			}
		}
		expect(issues).toEqual({});
	});
});
