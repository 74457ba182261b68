import { searchInvites, searchOrganizationUsers as searchUsers } from '../../../nodes/OpenAiOrganization/methods/listSearch';
import { ORG_ACME, ADMIN_KEY_ACME, CASEY_EMAIL, INVITE_PENDING_DANA, PROJECT_KEY_ACME, USER_CASEY_LEAVING } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { pickerContext } from '../pickerContext';
import { serveTestServer } from '../testServer';

describe('the user and invite pickers', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 400, seed: 17 }, (started) => (server = started));

	const context = (apiKey = ADMIN_KEY_ACME) =>
		pickerContext({ credential: { apiKey, organizationId: '', projectId: '', baseUrl: server.url }, node: { name: 'OpenAI Organization', type: 'openAiOrganization' } });

	it('finds a user by part of the email, name or ID, named "Name <email>"', async () => {
		for (const typed of ['CASEY@', 'leaving', USER_CASEY_LEAVING.slice(0, 12)]) {
			const { results } = await searchUsers.call(context(), typed);
			expect(results).toContainEqual({ name: `Casey Leaving <${CASEY_EMAIL}>`, value: USER_CASEY_LEAVING });
		}
	});

	it('lists a screenful and answers where to go on when the organization has more users', async () => {
		const acmeUsers = server.state.users.filter((user) => user.organizationId === ORG_ACME);
		expect(acmeUsers.length).toBeGreaterThan(100);
		// One page of 100 holds a screenful: the picker stops there and says where to go on.
		const first = await searchUsers.call(context());
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe(acmeUsers[99].id);
		const next = await searchUsers.call(context(), '', first.paginationToken as string);
		expect(next.results[0].value).toBe(acmeUsers[100].id);
	});

	it('finds an invite by email, its status in the name', async () => {
		const { results } = await searchInvites.call(context(), 'dana');
		expect(results).toEqual([{ name: 'dana@acme.example (pending)', value: INVITE_PENDING_DANA }]);
	});

	it('a key that cannot read the organization is said in words the editor can show', async () => {
		await expect(searchUsers.call(context(PROJECT_KEY_ACME), '')).rejects.toThrow(/Admin/);
	});
});
