import { ADMIN_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { nodeResult, runNode } from '../workflowHelpers';
import { activeProjects, byId, changes } from './support';

describe('OpenAI Projects: Service Account update, its keys, and key scopes', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 6, seed: 33 }, (started) => (server = started));

	const run = async (parameters: Record<string, unknown>) =>
		await runNode(server, { parameters: { resource: 'serviceAccount', ...parameters }, credential: { apiKey: ADMIN_KEY_ACME } });
	const output = async (parameters: Record<string, unknown>) => {
		const node = nodeResult(await run(parameters));
		if (node.error) throw new Error(node.error.message);
		return node.items;
	};
	const newAccount = async (projectId: string, name: string) => {
		const [created] = await output({ operation: 'create', projectId: byId(projectId), name });
		return String(created.id);
	};

	it('Update renames an account and changes its role, sending only what is given', async () => {
		const project = activeProjects(server)[0];
		const accountId = await newAccount(project.id, 'bot');
		server.clearRequests();
		const [item] = await output({ operation: 'update', projectId: byId(project.id), serviceAccountId: byId(accountId), updateFields: { name: ' Deploy bot ', role: 'owner' } });
		expect(item).toMatchObject({ id: accountId, name: 'Deploy bot', role: 'owner', projectId: project.id });
		expect(changes(server).map((request) => request.body)).toEqual([{ name: 'Deploy bot', role: 'owner' }]);

		await output({ operation: 'update', projectId: byId(project.id), serviceAccountId: byId(accountId), updateFields: { role: 'member' } });
		expect(changes(server).map((request) => request.body)[1]).toEqual({ role: 'member' });
		expect(server.state.serviceAccounts.find((account) => account.id === accountId)).toMatchObject({ name: 'Deploy bot', role: 'member' });
	});

	it('Update with nothing to change, or an empty name, is refused before any request', async () => {
		const project = activeProjects(server)[0];
		const target = { operation: 'update', projectId: byId(project.id), serviceAccountId: byId('svc_acct_abc123') };
		expect(nodeResult(await run({ ...target, updateFields: {} })).error?.message).toBe('Nothing to update: add "Name" or "Role" under "Update Fields"');
		expect(nodeResult(await run({ ...target, updateFields: { name: ' ' } })).error?.message).toBe('"Name" is empty: enter the new name, or remove the field');
		expect(server.requests).toEqual([]);
	});

	it('Get Many API Keys lists only the keys the account owns, redacted, from the project\'s key list', async () => {
		const project = activeProjects(server)[1];
		const accountId = await newAccount(project.id, 'rotating');
		const other = await newAccount(project.id, 'other');
		await output({ operation: 'createKey', projectId: byId(project.id), serviceAccountId: byId(accountId), keyName: 'second' });
		server.clearRequests();
		const keys = await output({ operation: 'listKeys', projectId: byId(project.id), serviceAccountId: byId(accountId), returnAll: true });
		expect(keys.map((key) => key.name).sort()).toEqual(['Secret Key', 'second']);
		expect(keys[0]).toMatchObject({ serviceAccountId: accountId, ownerType: 'service_account', ownerId: accountId, redacted_value: expect.stringMatching(/^sk-svcacct-\*{4}/) });
		expect(JSON.stringify(keys)).not.toMatch(/sk-svcacct-[A-Za-z0-9]{20}/);
		expect(keys.some((key) => key.ownerId === other)).toBe(false);
		expect(server.requests[0]).toMatchObject({ path: `/v1/organization/projects/${project.id}/api_keys`, query: expect.objectContaining({ owner_project_access: 'any' }) });
		expect(await output({ operation: 'listKeys', projectId: byId(project.id), serviceAccountId: byId(accountId), limit: 1 })).toHaveLength(1);
	});

	it('Create API Key sends the scopes given, each once; a scope with a space in it is refused', async () => {
		const project = activeProjects(server)[2];
		const accountId = await newAccount(project.id, 'scoped');
		server.clearRequests();
		const [item] = await output({ operation: 'createKey', projectId: byId(project.id), serviceAccountId: byId(accountId), scopes: 'api.model.read, api.model.request,api.model.read' });
		expect(item.apiKeyShownOnce).toMatch(/^sk-svcacct-/);
		expect(changes(server)[0].body).toEqual({ scopes: ['api.model.read', 'api.model.request'] });
		const bad = nodeResult(await run({ operation: 'createKey', projectId: byId(project.id), serviceAccountId: byId(accountId), scopes: 'api.model read' }));
		expect(bad.error?.message).toBe('"Scopes" holds "api.model read", which is not one scope');
		expect(changes(server)).toHaveLength(1);
	});
});
