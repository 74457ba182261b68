import { ORG_ACME, USER_ADA_OWNER, USER_CASEY_LEAVING, CASEY_EMAIL, ADMIN_KEY_GLOBEX } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { nodeResult } from '../workflowHelpers';
import { byIdFromInput, outputOf, requestsTo, runOrganization } from './support';

const USERS = '/v1/organization/users';

describe('OpenAI Organization: Users', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 40, seed: 17 }, (started) => (server = started));

	const acmeUsers = () => server.state.users.filter((user) => user.organizationId === ORG_ACME);

	describe('Get Many', () => {
		it('returns every user of the organization with Return All, following the pages', async () => {
			const items = await outputOf(server, { resource: 'user', operation: 'getAll', returnAll: true });
			expect(acmeUsers().length).toBeGreaterThan(1);
			expect(items.map((item) => item.id)).toEqual(acmeUsers().map((user) => user.id));
			expect(items[0]).toMatchObject({ object: 'organization.user', email: expect.any(String), role: expect.any(String) });
			expect(items[0].addedAtIso).toBe(new Date((items[0].added_at as number) * 1000).toISOString());
			expect(requestsTo(server, 'GET', USERS).map((request) => request.query.limit)).toEqual(['100']);
		});

		it('each user leads with what a person reads (name, email, role, the ISO date), then OpenAI\'s fields unchanged', async () => {
			const [item] = await outputOf(server, { resource: 'user', operation: 'getAll', returnAll: false, limit: 1 });
			expect(Object.keys(item).slice(0, 4)).toEqual(['name', 'email', 'role', 'addedAtIso']);
			expect(Object.keys(item)).toEqual(expect.arrayContaining(['object', 'id', 'added_at']));
			expect(typeof item.added_at).toBe('number');
			expect(item.object).toBe('organization.user');
		});

		it('a Limit stops the walk and the item count', async () => {
			const items = await outputOf(server, { resource: 'user', operation: 'getAll', returnAll: false, limit: 2 });
			expect(items).toHaveLength(2);
		});

		it('filters by email as the contract names the parameter', async () => {
			const items = await outputOf(server, {
				resource: 'user',
				operation: 'getAll',
				returnAll: true,
				filters: { emails: ` ${CASEY_EMAIL.toUpperCase()} , nobody@acme.example` },
			});
			expect(items.map((item) => item.id)).toEqual([USER_CASEY_LEAVING]);
			const [request] = requestsTo(server, 'GET', USERS);
			expect(request.query['emails[]']).toEqual([CASEY_EMAIL.toUpperCase(), 'nobody@acme.example']);
		});

		it('a text that is not an email is refused before any request', async () => {
			const result = await runOrganization(server, { resource: 'user', operation: 'getAll', filters: { emails: 'casey' } });
			expect(nodeResult(result).error?.message).toBe('"Emails" holds "casey", which is not an email address');
			expect(server.requests).toEqual([]);
		});
	});

	describe('Get and Change Role', () => {
		it('gets one user by ID', async () => {
			const [item] = await outputOf(server, { resource: 'user', operation: 'get', userId: { __rl: true, mode: 'id', value: USER_CASEY_LEAVING } });
			expect(item).toMatchObject({ id: USER_CASEY_LEAVING, email: CASEY_EMAIL, role: 'reader' });
		});

		it('a user of another organization is not found: a plain message naming the user', async () => {
			const result = await runOrganization(server, { resource: 'user', operation: 'get', userId: { __rl: true, mode: 'id', value: USER_CASEY_LEAVING } }, { credential: { apiKey: ADMIN_KEY_GLOBEX } });
			const error = nodeResult(result).error;
			expect(error?.message).toBe(`User ${USER_CASEY_LEAVING} was not found in this organization`);
			expect(error?.description).toContain('404');
		});

		it('changes a role with the body the contract describes', async () => {
			const [item] = await outputOf(server, {
				resource: 'user',
				operation: 'updateRole',
				userId: { __rl: true, mode: 'id', value: USER_CASEY_LEAVING },
				role: 'owner',
			});
			expect(item).toMatchObject({ id: USER_CASEY_LEAVING, role: 'owner' });
			expect(requestsTo(server, 'POST', `${USERS}/${USER_CASEY_LEAVING}`)[0].body).toEqual({ role: 'owner' });
			expect(server.state.users.find((user) => user.id === USER_CASEY_LEAVING)?.role).toBe('owner');
		});

		it('a role that is not owner or reader, or an ID that is not a user ID, is refused before any request', async () => {
			const badRole = await runOrganization(server, {
				resource: 'user',
				operation: 'updateRole',
				userId: { __rl: true, mode: 'id', value: USER_CASEY_LEAVING },
				role: '={{ "admin" }}',
			});
			expect(nodeResult(badRole).error?.message).toBe('"Role" must be owner or reader, not "admin"');
			const badId = await runOrganization(server, { resource: 'user', operation: 'get', userId: { __rl: true, mode: 'id', value: '={{ "casey@acme.example" }}' } });
			expect(nodeResult(badId).error?.message).toBe('"User" must be a user ID like user-abc123, not "casey@acme.example"');
			expect(server.requests).toEqual([]);
		});

		it('OpenAI\'s refusal (the last owner) is an API error with the fix, and Continue On Fail pairs each item', async () => {
			const result = await runOrganization(
				server,
				{ resource: 'user', operation: 'updateRole', userId: byIdFromInput, role: 'reader' },
				{ continueOnFail: true, inputItems: [{ id: USER_CASEY_LEAVING }, { id: USER_ADA_OWNER }] },
			);
			const outputs = nodeResult(result).outputs[0];
			expect(outputs.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(outputs[0].json).toMatchObject({ id: USER_CASEY_LEAVING, role: 'reader' });
			expect(String(outputs[1].json.error)).toBeTruthy();
			expect(JSON.stringify(outputs[1].json)).toContain('at least one owner');
		});
	});

	describe('Remove (destructive)', () => {
		const removes = () => requestsTo(server, 'DELETE', /^\/v1\/organization\/users\//);
		const remove = async (ids: string[], parameters: Record<string, unknown> = {}, continueOnFail = false) =>
			await runOrganization(
				server,
				{ resource: 'user', operation: 'remove', userId: byIdFromInput, ...parameters },
				{ continueOnFail, inputItems: ids.map((id) => ({ id })) },
			);

		it('removes a user and says who it was', async () => {
			const result = await remove([USER_CASEY_LEAVING]);
			expect(nodeResult(result).items).toEqual([
				{ object: 'organization.user.deleted', id: USER_CASEY_LEAVING, deleted: true, email: CASEY_EMAIL, name: 'Casey Leaving' },
			]);
			expect(server.state.users.some((user) => user.id === USER_CASEY_LEAVING)).toBe(false);
		});

		it('Dry Run checks and returns what would be removed, and removes nobody', async () => {
			const result = await remove([USER_CASEY_LEAVING], { dryRun: true });
			expect(nodeResult(result).items).toEqual([expect.objectContaining({ id: USER_CASEY_LEAVING, dryRun: true, wouldRemove: true })]);
			expect(removes()).toEqual([]);
		});

		it('a user that is not there in the last item stops the run before the first removal', async () => {
			const result = await remove([USER_CASEY_LEAVING, 'user-NotThere000000000000001']);
			expect(nodeResult(result).error?.message).toContain('user-NotThere000000000000001');
			expect(removes()).toEqual([]);
		});

		it('more items than Max Users per Run stop the node before any request', async () => {
			const ids = acmeUsers().slice(0, 3).map((user) => user.id);
			const result = await remove(ids, { maxPerRun: 2 });
			expect(nodeResult(result).error?.message).toBe('3 items would remove 3 users, more than "Max Users per Run" (2); nothing was removed');
			expect(server.requests).toEqual([]);
		});

		it('a run of many users checks them in the user list, not with a GET per user', async () => {
			const ids = acmeUsers().filter((user) => user.role !== 'owner').slice(0, 12).map((user) => user.id);
			expect(ids).toHaveLength(12);
			const result = await remove(ids, { dryRun: true });
			expect(nodeResult(result).items).toHaveLength(12);
			expect(requestsTo(server, 'GET', /^\/v1\/organization\/users\/./)).toEqual([]);
			expect(requestsTo(server, 'GET', USERS).length).toBeLessThanOrEqual(1);
		});

		it('with Continue On Fail, the refused last owner is an error item in its place and the others are removed', async () => {
			const result = await remove([USER_CASEY_LEAVING, USER_ADA_OWNER], {}, true);
			const outputs = nodeResult(result).outputs[0];
			expect(outputs.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(outputs[0].json).toMatchObject({ id: USER_CASEY_LEAVING, deleted: true });
			expect(JSON.stringify(outputs[1].json)).toContain('at least one owner');
		});
	});
});
