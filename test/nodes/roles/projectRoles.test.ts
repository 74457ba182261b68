import {
	ADMIN_KEY_ACME,
	DEFAULT_PROJECT_ACME,
	PROJECT_OWNER_ROLE,
	ROLE_ACME_MODEL_USER,
	USER_ADA_OWNER,
	USER_CASEY_LEAVING,
} from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { GROUP_ENGINEERING } from '../../openai-server/groups';
import { searchProjectRoles } from '../../../nodes/OpenAiProjects/methods/listSearch';
import { pickerContext } from '../pickerContext';
import { serveTestServer } from '../testServer';
import { nodeResult, runNode } from '../workflowHelpers';
import { acmeAdmin, byId, requestLines } from '../controls/support';

const PROJECT_ROLES = `/projects/${DEFAULT_PROJECT_ACME}/roles`;
const ADA_ROLES = `/projects/${DEFAULT_PROJECT_ACME}/users/${USER_ADA_OWNER}/roles`;
const ENGINEERING_ROLES = `/projects/${DEFAULT_PROJECT_ACME}/groups/${GROUP_ENGINEERING}/roles`;

describe('OpenAI Projects: Project Role', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 3 }, (started) => (server = started));

	const run = (operation: string, parameters: Record<string, unknown> = {}, extra: { inputItems?: Array<Record<string, unknown>> } = {}) =>
		runNode(server, {
			parameters: { resource: 'projectRole', operation, projectId: byId(DEFAULT_PROJECT_ACME), ...parameters },
			credential: acmeAdmin,
			...extra,
		});
	const output = async (operation: string, parameters: Record<string, unknown> = {}) => {
		const node = nodeResult(await run(operation, parameters));
		if (node.error) throw new Error(`The node failed: ${node.error.message}\n${node.error.description ?? ''}`);
		return node.items;
	};
	const projectRoles = () => server.state.roles.filter((role) => role.projectId === DEFAULT_PROJECT_ACME);

	it('lists the roles of the project, each with its project', async () => {
		const items = await output('getAll', { returnAll: true });
		expect(items.map((item) => item.name)).toEqual(['Owner', 'Member', 'Model User']);
		expect(items[2]).toMatchObject({ project_id: DEFAULT_PROJECT_ACME, resource_type: 'api.project', predefined_role: false });
		expect(requestLines(server)).toEqual([`GET ${PROJECT_ROLES}`]);
	});

	it('creates, reads, updates and deletes a custom project role', async () => {
		const [created] = await output('create', { roleName: 'Files Reader', permissions: 'api.files.read' });
		expect(created).toMatchObject({ project_id: DEFAULT_PROJECT_ACME, name: 'Files Reader', created: true });
		const id = String(created.id);
		expect((await output('get', { roleId: byId(id) }))[0]).toMatchObject({ id, permissions: ['api.files.read'] });
		const [updated] = await output('update', { roleId: byId(id), updateFields: { description: 'Reads files', permissions: 'api.files.read, api.files.write' } });
		expect(updated).toMatchObject({ description: 'Reads files', permissions: ['api.files.read', 'api.files.write'] });
		const [plan] = await output('delete', { roleId: byId(id), dryRun: true });
		expect(plan.plan).toBe(`Would delete role "Files Reader" (${id}) of project ${DEFAULT_PROJECT_ACME}`);
		expect(projectRoles()).toHaveLength(2);
		expect((await output('delete', { roleId: byId(id) }))[0]).toMatchObject({ deleted: true, id });
		expect(projectRoles().map((role) => role.id)).toEqual([ROLE_ACME_MODEL_USER]);
	});

	it('a project role whose create answer was lost is created once', async () => {
		server.faults.add({ kind: 'reset_after', method: 'POST', path: PROJECT_ROLES });
		const [created] = await output('create', { roleName: 'Tuner', permissions: 'api.fine_tuning.write' });
		expect(created).toMatchObject({ name: 'Tuner', recoveredAfterLostResponse: true });
		expect(projectRoles().filter((role) => role.name === 'Tuner')).toHaveLength(1);
	});

	it('assigns a role to a project user, lists and reads it, and unassigns it', async () => {
		const ada = { principalType: 'user', userId: byId(USER_ADA_OWNER) };
		const [assigned] = await output('assign', { roleId: byId(ROLE_ACME_MODEL_USER), ...ada });
		expect(assigned).toMatchObject({ project_id: DEFAULT_PROJECT_ACME, user_id: USER_ADA_OWNER, name: 'Model User', assigned: true });
		expect((await output('getAssignments', { ...ada, returnAll: true })).map((item) => item.name)).toEqual(['Owner', 'Model User']);
		expect((await output('getAssignment', { roleId: byId(ROLE_ACME_MODEL_USER), ...ada }))[0]).toMatchObject({ id: ROLE_ACME_MODEL_USER });
		const [gone] = await output('unassign', { roleId: byId(ROLE_ACME_MODEL_USER), ...ada });
		expect(gone).toMatchObject({ deleted: true, unassigned: true });
		expect(requestLines(server).filter((line) => line.startsWith('DELETE'))).toEqual([`DELETE ${ADA_ROLES}/${ROLE_ACME_MODEL_USER}`]);
	});

	it("refuses to take Owner from both of a project's owners in one run, before any change", async () => {
		const result = await run(
			'unassign',
			{ roleId: byId(PROJECT_OWNER_ROLE), principalType: 'user', userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ inputItems: [{ id: USER_ADA_OWNER }, { id: USER_CASEY_LEAVING }] },
		);
		expect(nodeResult(result).error?.message).toBe(
			`${USER_CASEY_LEAVING} is the last owner of project ${DEFAULT_PROJECT_ACME}: taking the owner role (${PROJECT_OWNER_ROLE}) would leave nobody to administer it`,
		);
		expect(requestLines(server).filter((line) => line.startsWith('DELETE'))).toEqual([]);
		expect(server.state.projectUsers.filter((member) => member.projectId === DEFAULT_PROJECT_ACME && member.role === 'owner')).toHaveLength(2);
	});

	it('assigns a role to a group with access to the project and takes it back', async () => {
		const engineering = { roleId: byId(ROLE_ACME_MODEL_USER), principalType: 'group', groupId: byId(GROUP_ENGINEERING) };
		const [assigned] = await output('assign', engineering);
		expect(assigned).toMatchObject({ principal_type: 'group', group_id: GROUP_ENGINEERING, group: expect.objectContaining({ name: 'Engineering' }) });
		expect((await output('getAssignments', { ...engineering, returnAll: true })).map((item) => item.name)).toEqual(['Member', 'Model User']);
		expect((await output('getAssignment', engineering))[0]).toMatchObject({ group_id: GROUP_ENGINEERING, id: ROLE_ACME_MODEL_USER });
		const [plan] = await output('unassign', { ...engineering, dryRun: true });
		expect(plan.plan).toBe(`Would unassign role "Model User" (${ROLE_ACME_MODEL_USER}) from group ${GROUP_ENGINEERING} in project ${DEFAULT_PROJECT_ACME}`);
		await output('unassign', engineering);
		expect(server.state.roleAssignments).toEqual([]);
		expect(requestLines(server).filter((line) => !line.startsWith('GET'))).toEqual([
			`POST ${ENGINEERING_ROLES}`,
			`DELETE ${ENGINEERING_ROLES}/${ROLE_ACME_MODEL_USER}`,
		]);
	});

	it('the role picker lists the roles of the project chosen above, and nothing before one is chosen', async () => {
		const credential = { apiKey: ADMIN_KEY_ACME, organizationId: '', projectId: '', baseUrl: server.url };
		const chosen = pickerContext({ credential, nodeParameters: { projectId: byId(DEFAULT_PROJECT_ACME) } });
		expect((await searchProjectRoles.call(chosen, 'model')).results).toEqual([{ name: 'Model User', value: ROLE_ACME_MODEL_USER }]);
		expect((await searchProjectRoles.call(pickerContext({ credential, nodeParameters: {} }))).results).toEqual([]);
	});
});
