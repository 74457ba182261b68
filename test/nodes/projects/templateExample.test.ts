/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- test code: runs in Node, never inside n8n; reads N8N_REQUIRE_INSTALLED and tells why an example is skipped */
import { isN8nInstalled, loadWorkflow, runWorkflow } from '../../harness';
import type { WorkflowJson } from '../../harness';
import { ADMIN_KEY_ACME, USER_ADA_OWNER, USER_CASEY_LEAVING } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { GROUP_SUPPORT, PROJECT_MEMBER_ROLE } from '../../openai-server/groups';
import { stateDigest } from '../../openai-server/stateDigest';
import { serveTestServer } from '../testServer';

const FILE = 'examples/project-from-template.json';
// Set, IF, Filter and Split Out are n8n's own nodes, which only the pinned n8n provides.
const canRunBaseNodes = isN8nInstalled() || process.env.N8N_REQUIRE_INSTALLED !== undefined;
if (!canRunBaseNodes) console.warn('Skipping the project-template example: the pinned n8n is not installed (run scripts/install-n8n.sh).');
const maybe = canRunBaseNodes ? it : it.skip;

/** The example with "dryRun": false in its Template, as its sticky note says to go live. */
function goneLive(workflow: WorkflowJson): WorkflowJson {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => {
			if (node.name !== 'Template') return node;
			const template = JSON.parse(String(node.parameters.jsonOutput));
			return { ...node, parameters: { ...node.parameters, jsonOutput: JSON.stringify({ ...template, dryRun: false }) } };
		}),
	};
}

describe('The example "A project from a template"', () => {
	let server: OpenAiTestServer;
	const credentials = () => ({ oaiAdminKey00001: { apiKey: ADMIN_KEY_ACME, baseUrl: server.url } });
	serveTestServer({ projects: 5 }, (started) => (server = started));
	const writes = () => server.requests.filter((request) => request.method !== 'GET');
	const project = () => server.state.projects.find((candidate) => candidate.name === 'Customer Support Assistant');

	maybe('ships in Dry Run: its first click creates nothing and plans the new project', async () => {
		const before = stateDigest(server.state).digest;
		const result = await runWorkflow(loadWorkflow(FILE), { credentials: credentials() });
		expect(result.error).toBeUndefined();
		expect(result.nodes['Plan: a new project'].items[0].plan).toMatch(/^Would create project "Customer Support Assistant", then add 2 users/);
		expect(writes()).toEqual([]);
		expect(stateDigest(server.state).digest).toBe(before);
	});

	maybe('applied live, it builds the project as the template says; applied again, it changes nothing', async () => {
		const workflow = goneLive(loadWorkflow(FILE));
		const first = await runWorkflow(workflow, { credentials: credentials() });
		expect(first.error).toBeUndefined();
		const made = project();
		expect(made).toBeDefined();
		const members = server.state.projectUsers.filter((member) => member.projectId === made!.id);
		expect(members.map((member) => [member.userId, member.role]).sort()).toEqual([
			[USER_ADA_OWNER, 'owner'],
			[USER_CASEY_LEAVING, 'member'],
		]);
		expect(first.nodes['Set the rate limit'].items[0]).toMatchObject({ model: 'gpt-4o-mini', max_requests_per_1_minute: 500, max_tokens_per_1_minute: 200000 });
		expect(first.nodes['Set the model permissions'].items[0]).toMatchObject({ mode: 'allow_list' });
		expect(first.nodes['Spend alert (skipped if there is one)'].items[0]).toMatchObject({ created: true, threshold_usd: 500 });
		expect(first.nodes['Set the data retention'].items[0]).toMatchObject({ type: 'zero_data_retention', changed: true });
		expect(server.state.projectGroups.filter((access) => access.projectId === made!.id).map((access) => [access.groupId, access.role])).toEqual([
			[GROUP_SUPPORT, PROJECT_MEMBER_ROLE],
		]);

		const digest = stateDigest(server.state).digest;
		server.clearRequests();
		const second = await runWorkflow(workflow, { credentials: credentials() });
		expect(second.error).toBeUndefined();
		expect(writes()).toEqual([]);
		expect(stateDigest(server.state).digest).toBe(digest);
		expect(second.nodes['Plan (one item per change)'].items).toEqual([]);
		expect(second.nodes['Spend alert (skipped if there is one)'].items[0]).toMatchObject({ alreadyExisted: true });
	});

	maybe('a project that drifted from the template gets back only what differs; Dry Run lists just that', async () => {
		const workflow = goneLive(loadWorkflow(FILE));
		expect((await runWorkflow(workflow, { credentials: credentials() })).error).toBeUndefined();
		const casey = server.state.projectUsers.find((member) => member.projectId === project()!.id && member.userId === USER_CASEY_LEAVING)!;
		casey.role = 'owner';

		server.clearRequests();
		const planned = await runWorkflow(loadWorkflow(FILE), { credentials: credentials() });
		expect(planned.nodes['Plan (one item per change)'].items.map((item) => item.plan)).toEqual([
			`Change casey@acme.example from owner to member in project ${project()!.id}`,
		]);
		expect(writes()).toEqual([]);

		const applied = await runWorkflow(workflow, { credentials: credentials() });
		expect(applied.error).toBeUndefined();
		expect(writes().map((request) => `${request.method} ${request.path}`)).toEqual([
			`POST /v1/organization/projects/${project()!.id}/users/${USER_CASEY_LEAVING}`,
		]);
		expect(casey.role).toBe('member');
	});
});
