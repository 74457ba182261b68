import {
	ADMIN_KEY_ACME,
	ORG_ACME,
	ORGANIZATION_OWNER_ROLE,
	ROLE_ACME_MODEL_USER,
	ROLE_ACME_USAGE_VIEWER,
	USER_ADA_OWNER,
	USER_CASEY_LEAVING,
} from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { GROUP_ENGINEERING } from '../../openai-server/groups';
import { searchRoles } from '../../../nodes/OpenAiOrganization/methods/listSearch';
import { pickerContext } from '../pickerContext';
import { serveTestServer } from '../testServer';
import { nodeResult } from '../workflowHelpers';
import { outputOf, requestsTo, runOrganization } from '../organization/support';

const ROLES = '/v1/organization/roles';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const caseyRoles = `/v1/organization/users/${USER_CASEY_LEAVING}/roles`;

describe('OpenAI Organization: Role', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 3 }, (started) => (server = started));

	const role = (operation: string, parameters: Record<string, unknown> = {}) => ({ resource: 'role', operation, ...parameters });
	const customRoles = () => server.state.roles.filter((record) => record.organizationId === ORG_ACME && record.projectId === null);
	const caseyHolds = () =>
		server.state.roleAssignments.filter((assignment) => assignment.principalId === USER_CASEY_LEAVING).map((assignment) => assignment.roleId);

	describe('Get Many', () => {
		it('lists the predefined roles and the custom ones', async () => {
			const items = await outputOf(server, role('getAll', { returnAll: true }));
			expect(items.map((item) => [item.name, item.predefined_role])).toEqual([
				['Owner', true],
				['Reader', true],
				['Usage Viewer', false],
			]);
			expect(items[2]).toMatchObject({ object: 'role', id: ROLE_ACME_USAGE_VIEWER, permissions: ['api.usage.read'], resource_type: 'api.organization' });
		});

		it("follows the list's `next` cursor page by page, and a Limit stops early", async () => {
			for (let index = 0; index < 120; index++) {
				server.state.roles.push({
					id: `role_Bulk${String(index).padStart(4, '0')}`,
					organizationId: ORG_ACME,
					projectId: null,
					name: `Bulk ${index}`,
					description: null,
					permissions: ['api.users.read'],
					createdAt: 1,
					updatedAt: 1,
					createdBy: null,
				});
			}
			const items = await outputOf(server, role('getAll', { returnAll: true }));
			expect(items).toHaveLength(123);
			const pages = requestsTo(server, 'GET', ROLES);
			expect(pages.map((request) => request.query.after)).toEqual([undefined, expect.stringMatching(/^cursor_/)]);
			server.clearRequests();
			expect(await outputOf(server, role('getAll', { returnAll: false, limit: 2 }))).toHaveLength(2);
			expect(requestsTo(server, 'GET', ROLES)).toHaveLength(1);
		});
	});

	describe('Create, Get, Update', () => {
		it('creates a custom role with its permissions and description', async () => {
			const [item] = await outputOf(
				server,
				role('create', { roleName: ' Group Manager ', permissions: 'api.groups.read, api.groups.write', options: { description: 'Manages groups' } }),
			);
			expect(server.requests[0].body).toEqual({ role_name: 'Group Manager', permissions: ['api.groups.read', 'api.groups.write'], description: 'Manages groups' });
			expect(item).toMatchObject({ name: 'Group Manager', predefined_role: false, created: true });
			expect(customRoles().map((record) => record.name)).toEqual(['Usage Viewer', 'Group Manager']);
		});

		it('never creates the role twice when the answer to the create is lost', async () => {
			server.faults.add({ kind: 'reset_after', method: 'POST', path: ROLES });
			const [item] = await outputOf(server, role('create', { roleName: 'Auditor', permissions: 'api.audit_logs.read' }));
			expect(item).toMatchObject({ name: 'Auditor', recoveredAfterLostResponse: true });
			expect(customRoles().filter((record) => record.name === 'Auditor')).toHaveLength(1);
			expect(requestsTo(server, 'POST', ROLES)).toHaveLength(1);
		});

		it.each([
			[{ roleName: ' ', permissions: 'api.users.read' }, '"Role Name" is empty: a role needs a name'],
			[{ roleName: 'X', permissions: ' , ' }, '"Permissions" is empty: a role grants at least one permission'],
			[{ roleName: 'X', permissions: 'read users' }, '"Permissions" holds "read users", which is not a permission name'],
		])('refuses %j before any request', async (parameters, message) => {
			const result = await runOrganization(server, role('create', parameters));
			expect(nodeResult(result).error?.message).toBe(message);
			expect(server.requests).toEqual([]);
		});

		it("OpenAI's refusal of an unknown permission or a taken name reaches the user in its words", async () => {
			const taken = await runOrganization(server, role('create', { roleName: 'usage viewer', permissions: 'api.usage.read' }));
			expect(nodeResult(taken).error?.description).toMatch(/A role named 'usage viewer' already exists/);
			expect(nodeResult(taken).error?.message).toBe('A role with this name already exists');
			expect(nodeResult(taken).error?.description).toMatch(/Choose another name, or find the existing role with "Get Many"/);
			const unknown = await runOrganization(server, role('create', { roleName: 'Y', permissions: 'api.model.request' }));
			expect(nodeResult(unknown).error?.description).toMatch(/not a permission of an organization role/);
		});

		it('gets one role; an unknown one is OpenAI\'s "not found"', async () => {
			const [item] = await outputOf(server, role('get', { roleId: byId(ROLE_ACME_USAGE_VIEWER) }));
			expect(item).toMatchObject({ id: ROLE_ACME_USAGE_VIEWER, name: 'Usage Viewer' });
			const result = await runOrganization(server, role('get', { roleId: byId('role_Missing') }));
			expect(nodeResult(result).error?.description).toMatch(/No role found with id 'role_Missing'/);
		});

		it('updates the fields given and keeps the others', async () => {
			const [item] = await outputOf(
				server,
				role('update', { roleId: byId(ROLE_ACME_USAGE_VIEWER), updateFields: { permissions: 'api.usage.read,api.audit_logs.read' } }),
			);
			expect(item).toMatchObject({ name: 'Usage Viewer', permissions: ['api.usage.read', 'api.audit_logs.read'], description: 'Reads usage and costs' });
			expect(requestsTo(server, 'POST', `${ROLES}/${ROLE_ACME_USAGE_VIEWER}`)[0].body).toEqual({ permissions: ['api.usage.read', 'api.audit_logs.read'] });
		});

		it('refuses to change a predefined role without sending the change, and an empty update before any request', async () => {
			const result = await runOrganization(server, role('update', { roleId: byId(ORGANIZATION_OWNER_ROLE), updateFields: { roleName: 'Boss' } }));
			expect(nodeResult(result).error?.message).toBe(`Role "Owner" (${ORGANIZATION_OWNER_ROLE}) is predefined: OpenAI manages it and it cannot be changed`);
			expect(requestsTo(server, 'POST', /roles/)).toEqual([]);
			server.clearRequests();
			const empty = await runOrganization(server, role('update', { roleId: byId(ROLE_ACME_USAGE_VIEWER), updateFields: {} }));
			expect(nodeResult(empty).error?.message).toBe('"Update Fields" is empty: nothing to change');
			expect(server.requests).toEqual([]);
		});
	});

	describe('Delete', () => {
		it('Dry Run plans the delete and changes nothing; the live run deletes it and unassigns it everywhere', async () => {
			await outputOf(server, role('assign', { roleId: byId(ROLE_ACME_USAGE_VIEWER), principalType: 'user', userId: byId(USER_CASEY_LEAVING) }));
			const [plan] = await outputOf(server, role('delete', { roleId: byId(ROLE_ACME_USAGE_VIEWER), dryRun: true, reason: 'nobody reads usage' }));
			expect(plan).toMatchObject({
				dryRun: true,
				wouldDelete: true,
				plan: `Would delete role "Usage Viewer" (${ROLE_ACME_USAGE_VIEWER}) of the organization: nobody reads usage`,
			});
			expect(customRoles()).toHaveLength(1);
			const [deleted] = await outputOf(server, role('delete', { roleId: byId(ROLE_ACME_USAGE_VIEWER) }));
			expect(deleted).toMatchObject({ object: 'role.deleted', id: ROLE_ACME_USAGE_VIEWER, deleted: true, name: 'Usage Viewer' });
			expect(customRoles()).toEqual([]);
			expect(caseyHolds()).toEqual([]);
		});

		it('refuses a predefined role before any change, and more roles than "Max Roles per Run"', async () => {
			const result = await runOrganization(server, role('delete', { roleId: byId(ORGANIZATION_OWNER_ROLE) }));
			expect(nodeResult(result).error?.message).toBe(`Role "Owner" (${ORGANIZATION_OWNER_ROLE}) is predefined: OpenAI manages it and it cannot be deleted`);
			expect(requestsTo(server, 'DELETE', /roles/)).toEqual([]);
			const many = await runOrganization(
				server,
				role('delete', { roleId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, maxPerRun: 1 }),
				{ inputItems: [{ id: ROLE_ACME_USAGE_VIEWER }, { id: 'role_Other' }] },
			);
			expect(nodeResult(many).error?.message).toBe('2 items would delete 2 roles, more than "Max Roles per Run" (1); nothing was deleted');
			expect(customRoles()).toHaveLength(1);
		});
	});

	describe('Assign, Get Assignments, Get Assignment, Unassign', () => {
		const toCasey = (operation: string, parameters: Record<string, unknown> = {}) =>
			role(operation, { roleId: byId(ROLE_ACME_USAGE_VIEWER), principalType: 'user', userId: byId(USER_CASEY_LEAVING), ...parameters });

		it('assigns a role to a user, lists it among their roles, reads it, and unassigns it', async () => {
			const [assigned] = await outputOf(server, toCasey('assign'));
			expect(server.requests[0].body).toEqual({ role_id: ROLE_ACME_USAGE_VIEWER });
			expect(assigned).toMatchObject({ principal_type: 'user', user_id: USER_CASEY_LEAVING, role_id: ROLE_ACME_USAGE_VIEWER, name: 'Usage Viewer', assigned: true });
			expect(assigned.user).toMatchObject({ id: USER_CASEY_LEAVING, object: 'organization.user' });
			expect(caseyHolds()).toEqual([ROLE_ACME_USAGE_VIEWER]);

			const held = await outputOf(server, toCasey('getAssignments', { returnAll: true }));
			expect(held.map((item) => item.name)).toEqual(['Reader', 'Usage Viewer']);
			expect(held[1]).toMatchObject({ user_id: USER_CASEY_LEAVING, created_by: USER_ADA_OWNER });
			const [one] = await outputOf(server, toCasey('getAssignment'));
			expect(one).toMatchObject({ id: ROLE_ACME_USAGE_VIEWER, user_id: USER_CASEY_LEAVING });

			const [plan] = await outputOf(server, toCasey('unassign', { dryRun: true }));
			expect(plan).toMatchObject({
				wouldUnassign: true,
				plan: `Would unassign role "Usage Viewer" (${ROLE_ACME_USAGE_VIEWER}) from user ${USER_CASEY_LEAVING} in the organization`,
			});
			expect(caseyHolds()).toEqual([ROLE_ACME_USAGE_VIEWER]);
			const [gone] = await outputOf(server, toCasey('unassign'));
			expect(gone).toMatchObject({ object: 'user.role.deleted', deleted: true, unassigned: true, user_id: USER_CASEY_LEAVING });
			expect(caseyHolds()).toEqual([]);
			expect(requestsTo(server, 'DELETE', `${caseyRoles}/${ROLE_ACME_USAGE_VIEWER}`)).toHaveLength(1);
		});

		it('a role the user does not hold is nothing to unassign; Get Assignment says it is not assigned', async () => {
			const [item] = await outputOf(server, toCasey('unassign'));
			expect(item).toMatchObject({ message: `user ${USER_CASEY_LEAVING} does not hold role ${ROLE_ACME_USAGE_VIEWER}.` });
			expect(requestsTo(server, 'DELETE', /roles/)).toEqual([]);
			const result = await runOrganization(server, toCasey('getAssignment'));
			expect(nodeResult(result).error?.description).toMatch(/is not assigned to user/);
		});

		it('an assignment whose answer was lost is not sent again', async () => {
			server.faults.add({ kind: 'reset_after', method: 'POST', path: caseyRoles });
			const [item] = await outputOf(server, toCasey('assign'));
			expect(item).toMatchObject({ role_id: ROLE_ACME_USAGE_VIEWER, recoveredAfterLostResponse: true });
			expect(requestsTo(server, 'POST', caseyRoles)).toHaveLength(1);
			expect(caseyHolds()).toEqual([ROLE_ACME_USAGE_VIEWER]);
		});

		it('refuses to take the owner role from the last owner before any change, also across the items of one run', async () => {
			const fromAda = role('unassign', { roleId: byId(ORGANIZATION_OWNER_ROLE), principalType: 'user', userId: byId(USER_ADA_OWNER) });
			const result = await runOrganization(server, fromAda);
			expect(nodeResult(result).error?.message).toBe(
				`${USER_ADA_OWNER} is the last owner of the organization: taking the owner role (${ORGANIZATION_OWNER_ROLE}) would leave nobody to administer it`,
			);
			expect(nodeResult(result).error?.description).toMatch(/Assign the owner role to another user first/);
			expect(requestsTo(server, 'DELETE', /roles/)).toEqual([]);

			// With Casey an owner too, one run may not take it from both.
			await outputOf(server, role('assign', { roleId: byId(ORGANIZATION_OWNER_ROLE), principalType: 'user', userId: byId(USER_CASEY_LEAVING) }));
			const both = await runOrganization(
				server,
				role('unassign', { roleId: byId(ORGANIZATION_OWNER_ROLE), principalType: 'user', userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }),
				{ inputItems: [{ id: USER_ADA_OWNER }, { id: USER_CASEY_LEAVING }] },
			);
			expect(nodeResult(both).error?.message).toMatch(new RegExp(`^${USER_CASEY_LEAVING} is the last owner of the organization`));
			expect(requestsTo(server, 'DELETE', /roles/)).toEqual([]);
			// One of them may give it up.
			const [one] = await outputOf(server, fromAda);
			expect(one).toMatchObject({ unassigned: true });
			expect(server.state.users.find((user) => user.id === USER_ADA_OWNER)?.role).toBe('reader');
		});

		it('assigns a role to a group, lists and reads it, and unassigns it with Dry Run first', async () => {
			const engineering = { roleId: byId(ROLE_ACME_USAGE_VIEWER), principalType: 'group', groupId: byId(GROUP_ENGINEERING) };
			const [assigned] = await outputOf(server, role('assign', engineering));
			expect(assigned).toMatchObject({ principal_type: 'group', group_id: GROUP_ENGINEERING, name: 'Usage Viewer', group: expect.objectContaining({ object: 'group' }) });
			expect((await outputOf(server, role('getAssignments', { ...engineering, returnAll: true }))).map((item) => item.id)).toEqual([ROLE_ACME_USAGE_VIEWER]);
			expect((await outputOf(server, role('getAssignment', engineering)))[0]).toMatchObject({ group_id: GROUP_ENGINEERING, id: ROLE_ACME_USAGE_VIEWER });
			const [plan] = await outputOf(server, role('unassign', { ...engineering, dryRun: true, reason: 'moved to SSO' }));
			expect(plan.plan).toBe(`Would unassign role "Usage Viewer" (${ROLE_ACME_USAGE_VIEWER}) from group ${GROUP_ENGINEERING} in the organization: moved to SSO`);
			expect(server.state.roleAssignments).toHaveLength(1);
			await outputOf(server, role('unassign', engineering));
			expect(server.state.roleAssignments).toEqual([]);
			const unknown = await runOrganization(server, role('getAssignments', { principalType: 'group', groupId: byId('group_Nope') }));
			expect(nodeResult(unknown).error?.description).toMatch(/No group found with id 'group_Nope'/);
		});

		it('a project role cannot be assigned in the organization: OpenAI says it is not found', async () => {
			const result = await runOrganization(server, toCasey('assign', { roleId: byId(ROLE_ACME_MODEL_USER) }));
			expect(nodeResult(result).error?.description).toMatch(/No role found with id/);
		});
	});

	describe('pickers', () => {
		it('the role picker lists the roles by name, predefined ones marked, and searches', async () => {
			const context = pickerContext({ credential: { apiKey: ADMIN_KEY_ACME, organizationId: '', projectId: '', baseUrl: server.url } });
			const all = await searchRoles.call(context);
			expect(all.results).toEqual([
				{ name: 'Owner (predefined)', value: ORGANIZATION_OWNER_ROLE },
				{ name: 'Reader (predefined)', value: expect.any(String) },
				{ name: 'Usage Viewer', value: ROLE_ACME_USAGE_VIEWER },
			]);
			expect((await searchRoles.call(context, 'usage')).results).toEqual([{ name: 'Usage Viewer', value: ROLE_ACME_USAGE_VIEWER }]);
		});
	});
});
