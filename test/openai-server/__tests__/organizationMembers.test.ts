/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { ADMIN_KEY_ACME, ADMIN_KEY_GLOBEX, INVITE_ACCEPTED_FAY, INVITE_PENDING_DANA, ORG_ACME, PROJECT_KEY_ACME, USER_ADA_OWNER, USER_CASEY_LEAVING, startOpenAiTestServer } from '..';
import type { OpenAiTestServer } from '..';
import { call } from './client';

// Every answer is checked against the contract by `call`.
describe('the organization\'s users and invites', () => {
	let server: OpenAiTestServer;
	beforeAll(async () => (server = await startOpenAiTestServer({ projects: 30, seed: 3 })));
	afterEach(() => server.reset());
	afterAll(async () => await server.close());
	const admin = { key: ADMIN_KEY_ACME };

	test('users: pages by limit/after, emails narrows; get, change role, remove; the last owner stays', async () => {
		const first = await call(server, 'GET', '/organization/users', { ...admin, query: { limit: '2' } });
		expect(first.body).toMatchObject({ object: 'list', has_more: true });
		const next = await call(server, 'GET', '/organization/users', { ...admin, query: { limit: '2', after: first.body.last_id } });
		expect(next.body.data[0].id).not.toBe(first.body.data[1].id);
		const byEmail = await call(server, 'GET', '/organization/users', { ...admin, query: { 'emails[]': 'casey@acme.example' } });
		expect(byEmail.body.data.map((user: { id: string }) => user.id)).toEqual([USER_CASEY_LEAVING]);

		expect((await call(server, 'GET', `/organization/users/${USER_CASEY_LEAVING}`, admin)).body.role).toBe('reader');
		expect((await call(server, 'GET', `/organization/users/${USER_CASEY_LEAVING}`, { key: ADMIN_KEY_GLOBEX })).status).toBe(404);
		expect((await call(server, 'POST', `/organization/users/${USER_CASEY_LEAVING}`, { ...admin, body: { role: 'admin' } })).status).toBe(400);
		expect((await call(server, 'POST', `/organization/users/${USER_ADA_OWNER}`, { ...admin, body: { role: 'reader' } })).body.error.code).toBe('last_owner');
		expect((await call(server, 'DELETE', `/organization/users/${USER_ADA_OWNER}`, admin)).status).toBe(400);
		const removed = await call(server, 'DELETE', `/organization/users/${USER_CASEY_LEAVING}`, admin);
		expect(removed.body).toEqual({ object: 'organization.user.deleted', id: USER_CASEY_LEAVING, deleted: true });
		expect((await call(server, 'GET', `/organization/users/${USER_CASEY_LEAVING}`, admin)).status).toBe(404);
		expect((await call(server, 'GET', '/organization/users', { key: PROJECT_KEY_ACME })).status).toBe(401);
	});

	test('invites: create with projects of the organization, refuse a second or a member, delete all but accepted ones', async () => {
		const project = server.state.projects.find((candidate) => candidate.organizationId === ORG_ACME && !candidate.isDefault && candidate.archivedAt === null)!;
		const created = await call(server, 'POST', '/organization/invites', { ...admin, body: { email: 'new@acme.example', role: 'reader', projects: [{ id: project.id, role: 'owner' }] } });
		expect(created.body).toMatchObject({ object: 'organization.invite', status: 'pending', projects: [{ id: project.id, role: 'owner' }] });
		expect((await call(server, 'POST', '/organization/invites', { ...admin, body: { email: 'new@acme.example', role: 'reader' } })).body.error.code).toBe('invite_exists');
		expect((await call(server, 'POST', '/organization/invites', { ...admin, body: { email: 'casey@acme.example', role: 'reader' } })).body.error.code).toBe('user_already_member');
		expect((await call(server, 'POST', '/organization/invites', { ...admin, body: { email: 'x@acme.example', role: 'reader', projects: [{ id: 'proj_nope', role: 'member' }] } })).status).toBe(404);
		expect((await call(server, 'POST', '/organization/invites', { ...admin, body: { email: 'x@acme.example', role: 'admin' } })).status).toBe(400);
		expect((await call(server, 'POST', '/organization/invites', { ...admin, body: { role: 'reader' } })).status).toBe(400);
		const withNone = await call(server, 'POST', '/organization/invites', { ...admin, body: { email: 'none@acme.example', role: 'reader', projects: [] } });
		expect(withNone.body.projects).toEqual([]);

		const list = await call(server, 'GET', '/organization/invites', admin);
		expect(list.body.data.map((invite: { id: string }) => invite.id)).toContain(created.body.id);
		expect((await call(server, 'GET', `/organization/invites/${INVITE_PENDING_DANA}`, admin)).body.email).toBe('dana@acme.example');
		expect((await call(server, 'DELETE', `/organization/invites/${INVITE_ACCEPTED_FAY}`, admin)).body.error.code).toBe('invite_accepted');
		expect((await call(server, 'DELETE', `/organization/invites/${INVITE_PENDING_DANA}`, admin)).body).toEqual({ object: 'organization.invite.deleted', id: INVITE_PENDING_DANA, deleted: true });
		expect((await call(server, 'GET', `/organization/invites/${INVITE_PENDING_DANA}`, admin)).status).toBe(404);
	});
});
