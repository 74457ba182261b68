/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- test code: reads the demo's and e2e suite's plain-JS credential binding, never runs inside n8n */
import path from 'node:path';

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	credentials?: Record<string, { id: string; name: string }>;
}
interface Workflow {
	name: string;
	nodes: WorkflowNode[];
}
interface Credential {
	id: string;
	name: string;
	type: string;
}
type BuiltNodes = Map<string, unknown>;

const binding = require('../e2e/lib/nodeCredentials.js') as {
	builtNodes: () => BuiltNodes;
	credentialTypesOf: (node: unknown, version?: number) => string[];
	credentialTypeByNodeType: (nodes?: BuiltNodes) => Record<string, string>;
	bindCredentials: (workflow: Workflow, credentials: Credential[], idOfType?: Record<string, string>, nodes?: BuiltNodes) => Workflow;
};
const { readExamples } = require('../e2e/lib/workflows.js') as {
	readExamples: (folder: string, credentials: Credential[], options?: { forCli?: boolean }) => Array<{ file: string; workflow: Workflow }>;
};
const { readPackageJson, REPO_ROOT } = require('../e2e/lib/packaging.js') as {
	readPackageJson: () => { name: string; n8n: { nodes: string[] } };
	REPO_ROOT: string;
};

/** The demo's two credentials: one of each type the package defines. */
const DEMO_CREDENTIALS: Credential[] = [
	{ id: 'demoAdmin', name: 'Admin sandbox', type: 'openAiAdminApi' },
	{ id: 'demoChat', name: 'Chat sandbox', type: 'openAiOrgApi' },
];
const PACKAGE = readPackageJson().name;

describe('Which credential the demo and the e2e suite give each node (read from the built node descriptions)', () => {
	const nodes = binding.builtNodes();

	it('every node the package lists gets a credential type, each one a credential of the package', () => {
		const byNode = binding.credentialTypeByNodeType(nodes);
		expect(Object.keys(byNode)).toHaveLength(readPackageJson().n8n.nodes.length);
		for (const type of Object.values(byNode)) expect(['openAiAdminApi', 'openAiOrgApi']).toContain(type);
		// The Admin nodes take the Admin key, chat a project key: what the editor asks for when each is added.
		expect(byNode[`${PACKAGE}.openAiOrganization`]).toBe('openAiAdminApi');
		expect(byNode[`${PACKAGE}.openAiOrganizationTrigger`]).toBe('openAiAdminApi');
		expect(byNode[`${PACKAGE}.openAiProjects`]).toBe('openAiAdminApi');
		expect(byNode[`${PACKAGE}.openAiOrgChat`]).toBe('openAiOrgApi');
	});

	it('every node of every example gets a credential of the type its description asks for, so no first click fails for want of one', () => {
		const examples = readExamples(path.join(REPO_ROOT, 'examples'), DEMO_CREDENTIALS, { forCli: false });
		const packageNodes = examples.flatMap(({ file, workflow }) =>
			workflow.nodes.filter((node) => node.type.startsWith(`${PACKAGE}.`)).map((node) => ({ file, node })),
		);
		expect(new Set(packageNodes.map(({ node }) => node.type)).size).toBeGreaterThanOrEqual(3);
		for (const { file, node } of packageNodes) {
			const [wanted] = binding.credentialTypesOf(nodes.get(node.type), node.typeVersion);
			const given = DEMO_CREDENTIALS.find((credential) => credential.type === wanted);
			expect({ file, node: node.name, credentials: node.credentials }).toEqual({
				file,
				node: node.name,
				credentials: { [wanted]: { id: given?.id, name: given?.name } },
			});
		}
	});

	it('a stored OpenAI Projects node of version 1 gets the Organization credential its version asks for', () => {
		const workflow: Workflow = {
			name: 'stored',
			nodes: [{ name: 'Old projects node', type: `${PACKAGE}.openAiProjects`, typeVersion: 1 }],
		};
		expect(binding.bindCredentials(workflow, DEMO_CREDENTIALS, {}, nodes).nodes[0].credentials).toEqual({
			openAiOrgApi: { id: 'demoChat', name: 'Chat sandbox' },
		});
	});

	it('a node the package gains later is bound by its description alone, with no list to extend', () => {
		class NewNode {
			description = { name: 'openAiGroups', displayName: 'OpenAI Groups', version: 1, credentials: [{ name: 'openAiAdminApi', required: true }] };
		}
		const grown = new Map(nodes).set(`${PACKAGE}.openAiGroups`, new NewNode());
		const workflow: Workflow = { name: 'groups', nodes: [{ name: 'Groups', type: `${PACKAGE}.openAiGroups`, typeVersion: 1 }] };
		expect(binding.bindCredentials(workflow, DEMO_CREDENTIALS, {}, grown).nodes[0].credentials).toEqual({
			openAiAdminApi: { id: 'demoAdmin', name: 'Admin sandbox' },
		});
		expect(binding.credentialTypeByNodeType(grown)[`${PACKAGE}.openAiGroups`]).toBe('openAiAdminApi');
	});

	it('a node whose credential type has no credential given stops the import with a message naming both', () => {
		const workflow: Workflow = { name: 'chat example', nodes: [{ name: 'Chat', type: `${PACKAGE}.openAiOrgChat`, typeVersion: 1 }] };
		expect(() => binding.bindCredentials(workflow, [DEMO_CREDENTIALS[0]], {}, nodes)).toThrow(
			'chat example: node "Chat" (n8n-nodes-openai-org.openAiOrgChat) takes a credential of type openAiOrgApi, and none is given',
		);
	});

	it('where the e2e suite has several credentials of a type, the one it picks is used', () => {
		const workflow: Workflow = { name: 'chat', nodes: [{ name: 'Chat', type: `${PACKAGE}.openAiOrgChat`, typeVersion: 1 }] };
		const several = [...DEMO_CREDENTIALS, { id: 'projectKey', name: 'Project key', type: 'openAiOrgApi' }];
		expect(binding.bindCredentials(workflow, several, { openAiOrgApi: 'projectKey' }, nodes).nodes[0].credentials).toEqual({
			openAiOrgApi: { id: 'projectKey', name: 'Project key' },
		});
	});
});
