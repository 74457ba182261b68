/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	ADMIN_KEY_ACME,
	ADMIN_KEY_GLOBEX,
	DEFAULT_PROJECT_ACME,
	ORGANIZATION_OWNER_ROLE,
	PROJECT_GLOBEX_ARCHIVED,
	PROJECT_OWNER_ROLE,
	ROLE_ACME_MODEL_USER,
	ROLE_ACME_USAGE_VIEWER,
	startOpenAiTestServer,
	USER_ADA_OWNER,
	USER_CASEY_LEAVING,
	type OpenAiTestServer,
} from '..';
import { GROUP_ENGINEERING, GROUP_GLOBEX_RESEARCH, GROUP_SUPPORT } from '../groups';
import { call, expectError, type CallOptions } from './client';

let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer({ projects: 2 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

type Method = 'GET' | 'POST' | 'DELETE';
const acme = (method: Method, path: string, options: CallOptions = {}) => call(server, method, path, { key: ADMIN_KEY_ACME, ...options });
const PROJECT = `/projects/${DEFAULT_PROJECT_ACME}`;
const newRole = { role_name: 'Group Manager', permissions: ['api.groups.read', 'api.groups.write'], description: 'Manages groups' };

describe('roles of the organization', () => {
	test('list the predefined roles first, then the custom ones, with an opaque `next` cursor', async () => {
		const first = await acme('GET', '/organization/roles', { query: { limit: '2' } });
		expect(first.body.data.map((role: { name: string }) => role.name)).toEqual(['Owner', 'Reader']);
		expect(first.body.data[0]).toEqual(expect.objectContaining({ object: 'role', predefined_role: true, resource_type: 'api.organization' }));
		expect(first.body.has_more).toBe(true);
		expect(first.body.next).toMatch(/^cursor_/);
		const rest = await acme('GET', '/organization/roles', { query: { after: first.body.next } });
		expect(rest.body).toEqual(expect.objectContaining({ has_more: false, next: null }));
		expect(rest.body.data.map((role: { id: string }) => role.id)).toEqual([ROLE_ACME_USAGE_VIEWER]);
		const desc = await acme('GET', '/organization/roles', { query: { order: 'desc', limit: '1' } });
		expect(desc.body.data[0].id).toBe(ROLE_ACME_USAGE_VIEWER);
	});

	test('create, read, update and delete a custom role; names are unique, permissions known', async () => {
		const created = await acme('POST', '/organization/roles', { body: newRole });
		expect(created.body).toEqual(expect.objectContaining({ name: 'Group Manager', predefined_role: false, description: 'Manages groups' }));
		expectError(await acme('POST', '/organization/roles', { body: { ...newRole, role_name: 'group manager' } }), 400, 'role_name_taken', /already exists/);
		expectError(await acme('POST', '/organization/roles', { body: { role_name: 'X', permissions: ['api.model.request'] } }), 400, 'invalid_value', /not a permission of an organization role/);
		expectError(await acme('POST', '/organization/roles', { body: { role_name: 'X' } }), 400, 'missing_required_parameter', /permissions/);
		const id = created.body.id as string;
		expect((await acme('GET', `/organization/roles/${id}`)).body.name).toBe('Group Manager');
		const updated = await acme('POST', `/organization/roles/${id}`, { body: { role_name: 'Groups Admin', permissions: null } });
		expect(updated.body).toEqual(expect.objectContaining({ name: 'Groups Admin', permissions: newRole.permissions, description: 'Manages groups' }));
		expect((await acme('DELETE', `/organization/roles/${id}`)).body).toEqual({ object: 'role.deleted', id, deleted: true });
		expectError(await acme('GET', `/organization/roles/${id}`), 404, 'not_found', new RegExp(`No role found with id '${id}'`));
	});

	test('a predefined role cannot be updated or deleted', async () => {
		expectError(await acme('DELETE', `/organization/roles/${ORGANIZATION_OWNER_ROLE}`), 400, 'predefined_role', /cannot be deleted/);
		expectError(await acme('POST', `/organization/roles/${ORGANIZATION_OWNER_ROLE}`, { body: { role_name: 'Boss' } }), 400, 'predefined_role', /cannot be updated/);
	});

	test("another organization's roles are not found", async () => {
		expectError(await call(server, 'GET', `/organization/roles/${ROLE_ACME_USAGE_VIEWER}`, { key: ADMIN_KEY_GLOBEX }), 404, 'not_found', /No role found/);
	});
});

describe('roles of a user in the organization', () => {
	const casey = `/organization/users/${USER_CASEY_LEAVING}/roles`;

	test('a user holds their predefined role; an assigned role shows in the list, is read, and is unassigned', async () => {
		expect((await acme('GET', casey)).body.data.map((role: { name: string }) => role.name)).toEqual(['Reader']);
		const assigned = await acme('POST', casey, { body: { role_id: ROLE_ACME_USAGE_VIEWER } });
		expect(assigned.body).toEqual(
			expect.objectContaining({ object: 'user.role', user: expect.objectContaining({ id: USER_CASEY_LEAVING }), role: expect.objectContaining({ id: ROLE_ACME_USAGE_VIEWER }) }),
		);
		// Assigning it again changes nothing.
		await acme('POST', casey, { body: { role_id: ROLE_ACME_USAGE_VIEWER } });
		const list = await acme('GET', casey);
		expect(list.body.data.map((role: { id: string }) => role.id)).toEqual([expect.any(String), ROLE_ACME_USAGE_VIEWER]);
		expect((await acme('GET', `${casey}/${ROLE_ACME_USAGE_VIEWER}`)).body).toEqual(expect.objectContaining({ id: ROLE_ACME_USAGE_VIEWER, created_by: USER_ADA_OWNER }));
		expect((await acme('DELETE', `${casey}/${ROLE_ACME_USAGE_VIEWER}`)).body).toEqual({ object: 'user.role.deleted', deleted: true });
		expectError(await acme('GET', `${casey}/${ROLE_ACME_USAGE_VIEWER}`), 404, 'not_found', /is not assigned to user/);
		expectError(await acme('DELETE', `${casey}/${ROLE_ACME_USAGE_VIEWER}`), 404, 'not_found', /is not assigned to user/);
	});

	test('deleting a role unassigns it everywhere', async () => {
		await acme('POST', casey, { body: { role_id: ROLE_ACME_USAGE_VIEWER } });
		await acme('DELETE', `/organization/roles/${ROLE_ACME_USAGE_VIEWER}`);
		expect((await acme('GET', casey)).body.data).toHaveLength(1);
		expect(server.state.roleAssignments).toEqual([]);
	});

	test('the Owner role is the old owner role: the last owner keeps it, a second owner may give it up', async () => {
		const ada = `/organization/users/${USER_ADA_OWNER}/roles`;
		expectError(await acme('DELETE', `${ada}/${ORGANIZATION_OWNER_ROLE}`), 400, 'last_owner', /at least one owner/);
		await acme('POST', casey, { body: { role_id: ORGANIZATION_OWNER_ROLE } });
		expect(server.state.users.find((user) => user.id === USER_CASEY_LEAVING)?.role).toBe('owner');
		await acme('DELETE', `${ada}/${ORGANIZATION_OWNER_ROLE}`);
		expect(server.state.users.find((user) => user.id === USER_ADA_OWNER)?.role).toBe('reader');
		const reader = (await acme('GET', ada)).body.data[0].id as string;
		expectError(await acme('DELETE', `${ada}/${reader}`), 400, 'predefined_role_required', /always holds one predefined role/);
	});

	test('unknown users and roles are OpenAI-shaped 404s', async () => {
		expectError(await acme('GET', '/organization/users/user-Nobody/roles'), 404, 'not_found', /No user found/);
		expectError(await acme('POST', casey, { body: { role_id: 'role_nope' } }), 404, 'not_found', /No role found with id 'role_nope'/);
		expectError(await acme('POST', casey, { body: { role_id: ROLE_ACME_MODEL_USER } }), 404, 'not_found', /No role found/);
		expectError(await acme('POST', casey, { body: {} }), 400, 'missing_required_parameter', /role_id/);
	});
});

describe('roles of a project and of its users', () => {
	test('a project lists its predefined and custom roles; custom roles are made, changed and deleted', async () => {
		const list = await acme('GET', `${PROJECT}/roles`);
		expect(list.body.data.map((role: { name: string }) => role.name)).toEqual(['Owner', 'Member', 'Model User']);
		expect(list.body.data[2].resource_type).toBe('api.project');
		const created = await acme('POST', `${PROJECT}/roles`, { body: { role_name: 'Files', permissions: ['api.files.read'] } });
		const id = created.body.id as string;
		expect((await acme('POST', `${PROJECT}/roles/${id}`, { body: { description: 'Reads files' } })).body.description).toBe('Reads files');
		expect((await acme('GET', `${PROJECT}/roles/${id}`)).body.name).toBe('Files');
		expect((await acme('DELETE', `${PROJECT}/roles/${id}`)).body.deleted).toBe(true);
		expectError(await acme('DELETE', `${PROJECT}/roles/${PROJECT_OWNER_ROLE}`), 400, 'predefined_role', /cannot be deleted/);
	});

	test('a project user is assigned and unassigned a role; the last owner keeps Owner', async () => {
		const ada = `${PROJECT}/users/${USER_ADA_OWNER}/roles`;
		const assigned = await acme('POST', ada, { body: { role_id: ROLE_ACME_MODEL_USER } });
		expect(assigned.body.object).toBe('user.role');
		expect((await acme('GET', ada)).body.data.map((role: { name: string }) => role.name)).toEqual(expect.arrayContaining(['Owner', 'Model User']));
		expect((await acme('GET', `${ada}/${ROLE_ACME_MODEL_USER}`)).body.name).toBe('Model User');
		expect((await acme('DELETE', `${ada}/${ROLE_ACME_MODEL_USER}`)).body).toEqual({ object: 'user.role.deleted', deleted: true });
		// Casey is the Default project's second owner: she may give Owner up (and becomes a Member), then Ada may not.
		expect((await acme('DELETE', `${PROJECT}/users/${USER_CASEY_LEAVING}/roles/${PROJECT_OWNER_ROLE}`)).body.deleted).toBe(true);
		const casey = server.state.projectUsers.find((member) => member.projectId === DEFAULT_PROJECT_ACME && member.userId === USER_CASEY_LEAVING);
		expect(casey?.role).toBe('member');
		expectError(await acme('DELETE', `${ada}/${PROJECT_OWNER_ROLE}`), 400, 'last_owner', /last owner/);
		expectError(await acme('POST', ada, { body: { role_id: ROLE_ACME_USAGE_VIEWER } }), 404, 'not_found', /No role found/);
	});

	test('a user outside the project, an unknown or archived project', async () => {
		expectError(await acme('GET', `${PROJECT}/users/user-Nobody/roles`), 404, 'not_found', /in this project/);
		expectError(await acme('GET', '/projects/proj_nope/roles'), 404, 'not_found', /No project found/);
		expectError(await call(server, 'GET', `/projects/${PROJECT_GLOBEX_ARCHIVED}/roles`, { key: ADMIN_KEY_GLOBEX }), 400, 'project_archived', /archived/);
	});
});

describe('roles of a group', () => {
	const engineering = `/organization/groups/${GROUP_ENGINEERING}/roles`;
	const inProject = `${PROJECT}/groups/${GROUP_ENGINEERING}/roles`;

	test('a group holds only the organization roles assigned to it', async () => {
		expect((await acme('GET', engineering)).body).toEqual({ object: 'list', data: [], has_more: false, next: null });
		const assigned = await acme('POST', engineering, { body: { role_id: ROLE_ACME_USAGE_VIEWER } });
		expect(assigned.body).toEqual({
			object: 'group.role',
			group: expect.objectContaining({ object: 'group', id: GROUP_ENGINEERING, scim_managed: false }),
			role: expect.objectContaining({ id: ROLE_ACME_USAGE_VIEWER }),
		});
		expect((await acme('GET', `${engineering}/${ROLE_ACME_USAGE_VIEWER}`)).body.id).toBe(ROLE_ACME_USAGE_VIEWER);
		expectError(await acme('POST', engineering, { body: { role_id: ORGANIZATION_OWNER_ROLE } }), 400, 'invalid_value', /only be held by users/);
		expect((await acme('DELETE', `${engineering}/${ROLE_ACME_USAGE_VIEWER}`)).body).toEqual({ object: 'group.role.deleted', deleted: true });
		expect((await acme('GET', engineering)).body.data).toEqual([]);
	});

	test('in a project, a group with access holds the role it was given access with, and custom roles', async () => {
		expect((await acme('GET', inProject)).body.data.map((role: { name: string }) => role.name)).toEqual(['Member']);
		await acme('POST', inProject, { body: { role_id: ROLE_ACME_MODEL_USER } });
		expect((await acme('GET', inProject)).body.data.map((role: { name: string }) => role.name)).toEqual(['Member', 'Model User']);
		await acme('POST', inProject, { body: { role_id: PROJECT_OWNER_ROLE } });
		expect(server.state.projectGroups.find((access) => access.groupId === GROUP_ENGINEERING)?.role).toBe(PROJECT_OWNER_ROLE);
		await acme('DELETE', `${PROJECT}/roles/${ROLE_ACME_MODEL_USER}`);
		expect((await acme('GET', inProject)).body.data.map((role: { name: string }) => role.name)).toEqual(['Owner']);
	});

	test('unknown groups, groups of another organization and groups without access to the project are not found', async () => {
		expectError(await acme('GET', '/organization/groups/group_nope/roles'), 404, 'not_found', /No group found with id 'group_nope'/);
		expectError(await acme('GET', `/organization/groups/${GROUP_GLOBEX_RESEARCH}/roles`), 404, 'not_found', /No group found/);
		expectError(await acme('GET', `${PROJECT}/groups/${GROUP_SUPPORT}/roles`), 404, 'not_found', /No group found/);
	});
});

test("a deleted group, or a group's removed access to a project, leaves no role assignment behind", async () => {
	await acme('POST', `/organization/groups/${GROUP_ENGINEERING}/roles`, { body: { role_id: ROLE_ACME_USAGE_VIEWER } });
	await acme('POST', `${PROJECT}/groups/${GROUP_ENGINEERING}/roles`, { body: { role_id: ROLE_ACME_MODEL_USER } });
	expect(server.state.roleAssignments).toHaveLength(2);
	await acme('DELETE', `/organization/projects/${DEFAULT_PROJECT_ACME}/groups/${GROUP_ENGINEERING}`);
	expect(server.state.roleAssignments.map((assignment) => assignment.roleId)).toEqual([ROLE_ACME_USAGE_VIEWER]);
	await acme('DELETE', `/organization/groups/${GROUP_ENGINEERING}`);
	expect(server.state.roleAssignments).toEqual([]);
});
