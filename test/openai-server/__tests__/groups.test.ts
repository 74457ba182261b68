/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	ADMIN_KEY_ACME,
	ADMIN_KEY_GLOBEX,
	DEFAULT_PROJECT_ACME,
	GROUP_ENGINEERING,
	GROUP_GLOBEX_RESEARCH,
	GROUP_SCIM_FINANCE,
	GROUP_SUPPORT,
	PROJECT_GLOBEX_ARCHIVED,
	PROJECT_MEMBER_ROLE,
	USER_ADA_OWNER,
	USER_CASEY_LEAVING,
	USER_GRACE_GLOBEX,
	startOpenAiTestServer,
	type OpenAiTestServer,
} from '..';
import { call, expectError, type CallOptions } from './client';

// Every answer below is checked against the contract's schema by call() (GroupListResource, GroupResponse, ...).
const NOW = Date.UTC(2026, 10, 1, 12);
let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer({ projects: 5, now: () => NOW });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const acme = (method: 'GET' | 'POST' | 'DELETE', path: string, options: CallOptions = {}) =>
	call(server, method, path, { key: ADMIN_KEY_ACME, ...options });
const ids = (body: { data: Array<{ id?: string; group_id?: string }> }) => body.data.map((entry) => entry.id ?? entry.group_id);

describe('groups', () => {
	test('list pages with limit/after and next, oldest first; order=desc reverses; another organization\'s are not there', async () => {
		const all = await acme('GET', '/organization/groups');
		expect(ids(all.body)).toEqual([GROUP_ENGINEERING, GROUP_SUPPORT, GROUP_SCIM_FINANCE]);
		expect(all.body).toEqual(expect.objectContaining({ object: 'list', has_more: false, next: null }));
		const first = await acme('GET', '/organization/groups', { query: { limit: '2' } });
		expect(ids(first.body)).toEqual([GROUP_ENGINEERING, GROUP_SUPPORT]);
		expect(first.body).toEqual(expect.objectContaining({ has_more: true, next: GROUP_SUPPORT }));
		const rest = await acme('GET', '/organization/groups', { query: { limit: '2', after: first.body.next } });
		expect(ids(rest.body)).toEqual([GROUP_SCIM_FINANCE]);
		expect(rest.body.next).toBeNull();
		const desc = await acme('GET', '/organization/groups', { query: { order: 'desc', limit: '1' } });
		expect(ids(desc.body)).toEqual([GROUP_SCIM_FINANCE]);
		const empty = await acme('GET', '/organization/groups', { query: { limit: '0' } });
		expect(empty.body.data).toEqual([]);
		expect(empty.body.has_more).toBe(true);
		expectError(await acme('GET', '/organization/groups', { query: { limit: '1001' } }), 400, 'integer_above_max_value');
		expectError(await acme('GET', `/organization/groups/${GROUP_GLOBEX_RESEARCH}`), 404, 'not_found');
	});

	test('create, get, rename, delete; a deleted group leaves its projects and users', async () => {
		const created = await acme('POST', '/organization/groups', { body: { name: 'Data Science' } });
		expect(created.body).toEqual({
			id: expect.stringMatching(/^group_[A-Za-z0-9]+$/),
			name: 'Data Science',
			created_at: NOW / 1000,
			is_scim_managed: false,
			group_type: 'group',
		});
		const id = created.body.id;
		expect((await acme('GET', `/organization/groups/${id}`)).body.name).toBe('Data Science');
		const renamed = await acme('POST', `/organization/groups/${id}`, { body: { name: 'ML' } });
		expect(renamed.body).toEqual({ id, name: 'ML', created_at: NOW / 1000, is_scim_managed: false });
		expectError(await acme('POST', '/organization/groups', { body: {} }), 400, 'missing_required_parameter');
		expectError(await acme('POST', `/organization/groups/${id}`, { body: { name: '' } }), 400, 'invalid_value');

		const deleted = await acme('DELETE', `/organization/groups/${GROUP_ENGINEERING}`);
		expect(deleted.body).toEqual({ object: 'group.deleted', id: GROUP_ENGINEERING, deleted: true });
		expectError(await acme('GET', `/organization/groups/${GROUP_ENGINEERING}`), 404, 'not_found');
		const projectGroups = await acme('GET', `/organization/projects/${DEFAULT_PROJECT_ACME}/groups`);
		expect(projectGroups.body.data).toEqual([]);
		expect(server.state.groupUsers.some((member) => member.groupId === GROUP_ENGINEERING)).toBe(false);
		expectError(await acme('DELETE', `/organization/groups/${GROUP_ENGINEERING}`), 404, 'not_found');
	});

	test('a SCIM-managed group cannot be renamed, deleted or have its users changed', async () => {
		expectError(await acme('POST', `/organization/groups/${GROUP_SCIM_FINANCE}`, { body: { name: 'x' } }), 400, 'group_scim_managed');
		expectError(await acme('DELETE', `/organization/groups/${GROUP_SCIM_FINANCE}`), 400, 'group_scim_managed');
		expectError(
			await acme('POST', `/organization/groups/${GROUP_SCIM_FINANCE}/users`, { body: { user_id: USER_CASEY_LEAVING } }),
			400,
			'group_scim_managed',
		);
		expectError(await acme('DELETE', `/organization/groups/${GROUP_SCIM_FINANCE}/users/${USER_ADA_OWNER}`), 400, 'group_scim_managed');
	});
});

describe('group users', () => {
	test('list (newest first by default), add, get, remove; only the organization\'s users can be added', async () => {
		const path = `/organization/groups/${GROUP_ENGINEERING}/users`;
		const listed = await acme('GET', path);
		expect(ids(listed.body)).toEqual([USER_CASEY_LEAVING, USER_ADA_OWNER]);
		expect(listed.body.data[0]).toEqual({ id: USER_CASEY_LEAVING, name: 'Casey Leaving', email: 'casey@acme.example' });
		const page = await acme('GET', path, { query: { limit: '1', order: 'asc' } });
		expect(ids(page.body)).toEqual([USER_ADA_OWNER]);
		expect(page.body.next).toBe(USER_ADA_OWNER);

		const added = await acme('POST', `/organization/groups/${GROUP_SUPPORT}/users`, { body: { user_id: USER_ADA_OWNER } });
		expect(added.body).toEqual({ object: 'group.user', user_id: USER_ADA_OWNER, group_id: GROUP_SUPPORT });
		expectError(
			await acme('POST', `/organization/groups/${GROUP_SUPPORT}/users`, { body: { user_id: USER_ADA_OWNER } }),
			400,
			'group_user_exists',
		);
		expectError(
			await acme('POST', `/organization/groups/${GROUP_SUPPORT}/users`, { body: { user_id: USER_GRACE_GLOBEX } }),
			404,
			'not_found',
			/Only members of the organization/,
		);
		const one = await acme('GET', `/organization/groups/${GROUP_SUPPORT}/users/${USER_ADA_OWNER}`);
		expect(one.body).toEqual({
			id: USER_ADA_OWNER,
			name: 'Ada Owner',
			email: 'ada@acme.example',
			picture: null,
			is_service_account: false,
			user_type: 'user',
		});
		const removed = await acme('DELETE', `/organization/groups/${GROUP_SUPPORT}/users/${USER_ADA_OWNER}`);
		expect(removed.body).toEqual({ object: 'group.user.deleted', deleted: true });
		expectError(await acme('GET', `/organization/groups/${GROUP_SUPPORT}/users/${USER_ADA_OWNER}`), 404, 'not_found');
	});

	test('a user who leaves the organization leaves its groups', async () => {
		await acme('DELETE', `/organization/users/${USER_CASEY_LEAVING}`);
		const listed = await acme('GET', `/organization/groups/${GROUP_ENGINEERING}/users`);
		expect(ids(listed.body)).toEqual([USER_ADA_OWNER]);
	});
});

describe('project groups', () => {
	test('list, add with a project role, get, remove; twice is refused; archived projects and other organizations\' groups too', async () => {
		const path = `/organization/projects/${DEFAULT_PROJECT_ACME}/groups`;
		const listed = await acme('GET', path);
		expect(listed.body.data).toEqual([
			expect.objectContaining({ object: 'project.group', project_id: DEFAULT_PROJECT_ACME, group_id: GROUP_ENGINEERING, group_name: 'Engineering', group_type: 'group' }),
		]);
		const added = await acme('POST', path, { body: { group_id: GROUP_SUPPORT, role: PROJECT_MEMBER_ROLE } });
		expect(added.body).toEqual({
			object: 'project.group',
			project_id: DEFAULT_PROJECT_ACME,
			group_id: GROUP_SUPPORT,
			group_name: 'Support',
			group_type: 'group',
			created_at: NOW / 1000,
		});
		expectError(await acme('POST', path, { body: { group_id: GROUP_SUPPORT, role: PROJECT_MEMBER_ROLE } }), 400, 'project_group_exists');
		expectError(await acme('POST', path, { body: { group_id: GROUP_GLOBEX_RESEARCH, role: PROJECT_MEMBER_ROLE } }), 404, 'not_found');
		expectError(await acme('POST', path, { body: { group_id: GROUP_SCIM_FINANCE } }), 400, 'missing_required_parameter');
		const page = await acme('GET', path, { query: { limit: '1' } });
		expect(page.body).toEqual(expect.objectContaining({ has_more: true, next: GROUP_ENGINEERING }));
		const rest = await acme('GET', path, { query: { limit: '1', after: page.body.next } });
		expect(ids(rest.body)).toEqual([GROUP_SUPPORT]);
		expect((await acme('GET', `${path}/${GROUP_SUPPORT}`, { query: { group_type: 'group' } })).body.group_id).toBe(GROUP_SUPPORT);
		expect((await acme('DELETE', `${path}/${GROUP_SUPPORT}`)).body).toEqual({ object: 'project.group.deleted', deleted: true });
		expectError(await acme('GET', `${path}/${GROUP_SUPPORT}`), 404, 'not_found');
		expectError(
			await call(server, 'GET', `/organization/projects/${PROJECT_GLOBEX_ARCHIVED}/groups`, { key: ADMIN_KEY_GLOBEX }),
			400,
			'project_archived',
		);
	});
});
