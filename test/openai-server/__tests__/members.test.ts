/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	ADMIN_KEY_ACME,
	DEFAULT_PROJECT_ACME,
	PROJECT_GLOBEX_ARCHIVED,
	ADMIN_KEY_GLOBEX,
	PROJECT_KEY_ACME,
	USER_ADA_OWNER,
	USER_CASEY_LEAVING,
	CASEY_EMAIL,
	startOpenAiTestServer,
	type OpenAiTestServer,
} from '..';
import { call, expectError, type CallOptions } from './client';

const NOW = Date.UTC(2026, 10, 1, 12);
let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer({ projects: 30, now: () => NOW });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const acme = (method: 'GET' | 'POST' | 'DELETE', path: string, options: CallOptions = {}) =>
	call(server, method, path, { key: ADMIN_KEY_ACME, ...options });
const someProject = () => server.state.projects.find((project) => project.organizationId === server.state.organizations[0].id && !project.isDefault && project.archivedAt === null)!;

describe('organization users', () => {
	test('pages with limit/after and narrows by email; some key owners have left the organization', async () => {
		const first = await acme('GET', '/organization/users', { query: { limit: '2' } });
		expect(first.body.data).toHaveLength(2);
		expect(first.body.has_more).toBe(true);
		const next = await acme('GET', '/organization/users', { query: { limit: '100', after: first.body.last_id } });
		expect(next.body.data[0].id).not.toBe(first.body.data[0].id);
		const casey = await acme('GET', '/organization/users', { query: { emails: [CASEY_EMAIL] } });
		expect(casey.body.data.map((user: { id: string }) => user.id)).toEqual([USER_CASEY_LEAVING]);
		const members = new Set(server.state.users.map((user) => user.id));
		const owners = server.state.projects.flatMap((project) => project.activity.keys).filter((key) => key.owner.type === 'user');
		expect(owners.some((key) => !members.has(key.owner.id))).toBe(true);
	});
});

describe('project users', () => {
	test('list, add by email, change role, get, remove', async () => {
		const project = someProject();
		const path = `/organization/projects/${project.id}/users`;
		const listed = await acme('GET', path);
		expect(listed.body.data.some((user: { id: string; role: string }) => user.id === USER_ADA_OWNER && user.role === 'owner')).toBe(true);
		const members = server.state.users.filter((user) => !server.state.projectUsers.some((m) => m.projectId === project.id && m.userId === user.id) && user.organizationId === project.organizationId);
		const added = await acme('POST', path, { body: { email: members[0].email, role: 'member' } });
		expect(added.body).toEqual(expect.objectContaining({ object: 'organization.project.user', id: members[0].id, role: 'member' }));
		expectError(await acme('POST', path, { body: { user_id: members[0].id, role: 'member' } }), 400, 'user_already_member');
		expectError(await acme('POST', path, { body: { user_id: 'user-nobody', role: 'member' } }), 404, 'not_found');
		expectError(await acme('POST', path, { body: { user_id: members[0].id, role: 'boss' } }), 400, 'invalid_value');
		const changed = await acme('POST', `${path}/${members[0].id}`, { body: { role: 'owner' } });
		expect(changed.body.role).toBe('owner');
		expect((await acme('GET', `${path}/${members[0].id}`)).body.role).toBe('owner');
		const removed = await acme('DELETE', `${path}/${members[0].id}`);
		expect(removed.body).toEqual({ object: 'organization.project.user.deleted', id: members[0].id, deleted: true });
		expectError(await acme('GET', `${path}/${members[0].id}`), 404, 'not_found');
	});

	test('the last owner can be neither removed nor made a member; a second owner can', async () => {
		const path = `/organization/projects/${someProject().id}/users/${USER_ADA_OWNER}`;
		expectError(await acme('DELETE', path), 400, 'last_owner', /last owner/);
		expectError(await acme('POST', path, { body: { role: 'member' } }), 400, 'last_owner');
		const casey = await acme('DELETE', `/organization/projects/${DEFAULT_PROJECT_ACME}/users/${USER_CASEY_LEAVING}`);
		expect(casey.body.deleted).toBe(true);
	});

	test('archived projects have no users and cannot be changed', async () => {
		const globex = (method: 'GET' | 'POST' | 'DELETE', path: string, options: CallOptions = {}) =>
			call(server, method, `/organization/projects/${PROJECT_GLOBEX_ARCHIVED}${path}`, { key: ADMIN_KEY_GLOBEX, ...options });
		expectError(await globex('GET', '/users'), 400, 'project_archived');
		expectError(await globex('POST', '/users', { body: { user_id: 'user-x', role: 'member' } }), 400, 'project_archived');
		expectError(await globex('GET', '/service_accounts'), 400, 'project_archived');
		expectError(await globex('POST', '/service_accounts', { body: { name: 'x' } }), 400, 'project_archived');
	});
});

describe('service accounts and keys', () => {
	test('a create answers the key once; the key authenticates until its account is deleted', async () => {
		const project = someProject();
		const path = `/organization/projects/${project.id}/service_accounts`;
		const created = await acme('POST', path, { body: { name: 'CI bot' } });
		expect(created.body).toEqual(expect.objectContaining({ object: 'organization.project.service_account', name: 'CI bot', role: 'member' }));
		const secret: string = created.body.api_key.value;
		expect(secret).toMatch(/^sk-svcacct-/);
		expect((await call(server, 'GET', '/models', { key: secret })).status).toBe(200);
		expect(JSON.stringify(server.requests)).not.toContain(secret);
		expect(JSON.stringify(server.state)).not.toContain(secret);

		const keys = await acme('GET', `/organization/projects/${project.id}/api_keys`);
		const listed = keys.body.data.find((key: { id: string }) => key.id === created.body.api_key.id);
		expect(listed).toEqual(expect.objectContaining({ redacted_value: `sk-svcacct-****${secret.slice(-4)}`, last_used_at: null }));
		expectError(await acme('DELETE', `/organization/projects/${project.id}/api_keys/${listed.id}`), 400, 'service_account_key');

		const second = await acme('POST', `${path}/${created.body.id}/api_keys`, { body: { name: 'rotation' } });
		expect(second.body).toEqual(expect.objectContaining({ object: 'organization.project.service_account.api_key', name: 'rotation' }));
		expect((await acme('GET', `${path}/${created.body.id}`)).body.name).toBe('CI bot');
		expect((await acme('DELETE', `${path}/${created.body.id}`)).body.deleted).toBe(true);
		expectError(await call(server, 'GET', '/models', { key: secret }), 401, 'invalid_api_key');
		expectError(await call(server, 'GET', '/models', { key: second.body.value }), 401, 'invalid_api_key');
		expectError(await acme('GET', `${path}/${created.body.id}`), 404, 'not_found');
	});

	test('create_service_account_only makes an account with role none and no key', async () => {
		const created = await acme('POST', `/organization/projects/${someProject().id}/service_accounts`, {
			body: { name: 'bare', create_service_account_only: true },
		});
		expect(created.body).toEqual(expect.objectContaining({ role: 'none', api_key: null }));
	});

	test('a deleted user key stops authenticating; reset brings it back', async () => {
		expect((await call(server, 'GET', '/models', { key: PROJECT_KEY_ACME })).status).toBe(200);
		const keyId = server.state.projects[0].activity.keys[0].id;
		const deleted = await acme('DELETE', `/organization/projects/${DEFAULT_PROJECT_ACME}/api_keys/${keyId}`);
		expect(deleted.body).toEqual({ object: 'organization.project.api_key.deleted', id: keyId, deleted: true });
		expectError(await call(server, 'GET', '/models', { key: PROJECT_KEY_ACME }), 401, 'invalid_api_key');
		expectError(await acme('GET', `/organization/projects/${DEFAULT_PROJECT_ACME}/api_keys/${keyId}`), 404, 'not_found');
		server.reset();
		expect((await call(server, 'GET', '/models', { key: PROJECT_KEY_ACME })).status).toBe(200);
	});

	test('keys of owners who left the project list as inactive, and owner_project_access filters them', async () => {
		const project = server.state.projects.find((candidate) => candidate.activity.keys.some((key) => key.owner.type === 'user' && !server.state.users.some((user) => user.id === key.owner.id)) && candidate.archivedAt === null)!;
		const path = `/organization/projects/${project.id}/api_keys`;
		const inactive = await acme('GET', path, { query: { owner_project_access: 'inactive' } });
		expect(inactive.body.data.length).toBeGreaterThan(0);
		expect(inactive.body.data.every((key: { owner_project_access: string }) => key.owner_project_access === 'inactive')).toBe(true);
		const all = await acme('GET', path);
		expect(all.body.data.length).toBeGreaterThanOrEqual(inactive.body.data.length);
	});
});
