import {
	ADMIN_KEY_ACME,
	GROUP_ENGINEERING,
	GROUP_SCIM_FINANCE,
	GROUP_SUPPORT,
	ORG_ACME,
	USER_ADA_OWNER,
	USER_CASEY_LEAVING,
	USER_GRACE_GLOBEX,
} from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { expectNoFullKeyIn, nodeResult } from '../workflowHelpers';
import { runOrganization } from '../organization/support';
import { byId, changes } from '../members/support';


describe('OpenAI Organization: Group and Group Member', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 3, seed: 11 }, (started) => (server = started));

	const run = async (parameters: Record<string, unknown>, inputItems?: Array<Record<string, unknown>>) =>
		await runOrganization(server, parameters, { credential: { apiKey: ADMIN_KEY_ACME }, inputItems });
	const group = async (parameters: Record<string, unknown>, inputItems?: Array<Record<string, unknown>>) =>
		nodeResult(await run({ resource: 'group', ...parameters }, inputItems));
	const member = async (parameters: Record<string, unknown>, inputItems?: Array<Record<string, unknown>>) =>
		nodeResult(await run({ resource: 'groupMember', ...parameters }, inputItems));
	const acmeGroups = () => server.state.groups.filter((candidate) => candidate.organizationId === ORG_ACME);
	const usersOf = (groupId: string) => server.state.groupUsers.filter((entry) => entry.groupId === groupId).map((entry) => entry.userId);

	describe('Group', () => {
		it('Get Many follows every page by its next cursor with Return All, and a Limit reads one page', async () => {
			const now = Math.floor(Date.now() / 1000);
			for (let index = 0; index < 230; index++) {
				server.state.groups.push({ id: `group_bulk${index}`, organizationId: ORG_ACME, name: `Team ${index}`, createdAt: now, isScimManaged: false, groupType: 'group' });
			}
			const all = await group({ operation: 'getAll', returnAll: true });
			expect(all.error).toBeUndefined();
			expect(all.items.map((item) => item.id)).toEqual(acmeGroups().map((candidate) => candidate.id));
			expect(all.items).toHaveLength(233);
			const reads = server.requests.map((request) => request.query);
			expect(reads).toEqual([{ limit: '100' }, { limit: '100', after: 'group_bulk96' }, { limit: '100', after: 'group_bulk196' }]);
			expect(all.items[0]).toEqual(expect.objectContaining({ name: 'Engineering', createdAtIso: expect.stringMatching(/Z$/), is_scim_managed: false }));

			server.clearRequests();
			const some = await group({ operation: 'getAll', returnAll: false, limit: 5 });
			expect(some.items.map((item) => item.name)).toEqual(['Engineering', 'Support', 'Finance (Okta)', 'Team 0', 'Team 1']);
			expect(server.requests).toHaveLength(1);
		});

		it('Create sends the name and returns the group; an empty name is refused before any request', async () => {
			const created = await group({ operation: 'create', name: '  Data Science ' });
			expect(created.items[0]).toEqual(expect.objectContaining({ name: 'Data Science', id: expect.stringMatching(/^group_/), group_type: 'group' }));
			expect(server.requests[0].body).toEqual({ name: 'Data Science' });

			server.clearRequests();
			const empty = await group({ operation: 'create', name: ' ' });
			expect(empty.error?.message).toBe('"Name" is empty: enter the group\'s name');
			expect(server.requests).toEqual([]);
		});

		it('Create is not sent twice when its answer is lost: the group made by the first attempt is found and returned', async () => {
			const before = acmeGroups().length;
			server.faults.add({ kind: 'reset_after', method: 'POST', path: '/v1/organization/groups', times: 1 });
			const result = await group({ operation: 'create', name: 'Incident Response' });
			expect(result.error).toBeUndefined();
			expect(result.items[0]).toEqual(expect.objectContaining({ name: 'Incident Response', recoveredAfterLostResponse: true }));
			expect(changes(server)).toHaveLength(1);
			expect(acmeGroups()).toHaveLength(before + 1);
			expect(acmeGroups().filter((candidate) => candidate.name === 'Incident Response')).toHaveLength(1);
		});

		it('Get and Rename; renaming a group of the identity provider names where to do it', async () => {
			const got = await group({ operation: 'get', groupId: byId(GROUP_SUPPORT) });
			expect(got.items[0]).toEqual(expect.objectContaining({ id: GROUP_SUPPORT, name: 'Support' }));
			const renamed = await group({ operation: 'rename', groupId: byId(GROUP_SUPPORT), name: 'Customer Support' });
			expect(renamed.items[0]).toEqual(expect.objectContaining({ id: GROUP_SUPPORT, name: 'Customer Support' }));
			expect(server.state.groups.find((candidate) => candidate.id === GROUP_SUPPORT)?.name).toBe('Customer Support');

			const scim = await group({ operation: 'rename', groupId: byId(GROUP_SCIM_FINANCE), name: 'Money' });
			expect(scim.error?.message).toBe('The group is managed by your identity provider (SCIM), so OpenAI cannot change it');
			expect(scim.error?.description).toContain('identity provider');
			const missing = await group({ operation: 'get', groupId: byId('group_nope') });
			expect(missing.error?.description).toContain('HTTP status: 404');
			const badId = await group({ operation: 'get', groupId: byId('={{ "grp-1" }}') });
			expect(badId.error?.message).toBe('"Group" must be a group ID like group_abc123, not "grp-1"');
			expectNoFullKeyIn(scim, missing);
		});

		it('Delete: Dry Run plans it and changes nothing; live, the group leaves its projects; a SCIM group stops the run first', async () => {
			const plan = await group({ operation: 'delete', groupId: byId(GROUP_ENGINEERING), dryRun: true, reason: 'team disbanded' });
			expect(plan.items[0]).toEqual(
				expect.objectContaining({ dryRun: true, wouldDelete: true, plan: `Would delete group "Engineering" (${GROUP_ENGINEERING}): team disbanded` }),
			);
			expect(changes(server)).toEqual([]);

			const live = await group({ operation: 'delete', groupId: byId(GROUP_ENGINEERING) });
			expect(live.items[0]).toEqual(expect.objectContaining({ object: 'group.deleted', id: GROUP_ENGINEERING, deleted: true, name: 'Engineering' }));
			expect(server.state.projectGroups.some((access) => access.groupId === GROUP_ENGINEERING)).toBe(false);

			server.clearRequests();
			const refused = await group({ operation: 'delete', groupId: byId('={{ $json.id }}') }, [{ id: GROUP_SUPPORT }, { id: GROUP_SCIM_FINANCE }]);
			expect(refused.error?.message).toMatch(/^Group "Finance \(Okta\)" \(group_\w+\) is managed by your identity provider \(SCIM\)/);
			expect(refused.error?.description).toContain('Nothing was changed');
			expect(changes(server)).toEqual([]);
			expect(server.state.groups.some((candidate) => candidate.id === GROUP_SUPPORT)).toBe(true);
		});

		it('Delete of more groups than Max per Run stops before the first change', async () => {
			const result = await group({ operation: 'delete', groupId: byId('={{ $json.id }}'), maxPerRun: 1 }, [{ id: GROUP_SUPPORT }, { id: GROUP_ENGINEERING }]);
			expect(result.error?.message).toMatch(/Max/i);
			expect(changes(server)).toEqual([]);
		});
	});

	describe('Group Member', () => {
		it('Get Many lists the group\'s users with the group; Get reads one', async () => {
			const all = await member({ operation: 'getAll', groupId: byId(GROUP_ENGINEERING), returnAll: true });
			expect(all.items.map((item) => item.id).sort()).toEqual([USER_ADA_OWNER, USER_CASEY_LEAVING].sort());
			expect(all.items[0]).toEqual(expect.objectContaining({ groupId: GROUP_ENGINEERING, email: expect.stringContaining('@') }));
			const one = await member({ operation: 'get', groupId: byId(GROUP_ENGINEERING), userId: byId(USER_ADA_OWNER) });
			expect(one.items[0]).toEqual(expect.objectContaining({ id: USER_ADA_OWNER, name: 'Ada Owner', user_type: 'user', groupId: GROUP_ENGINEERING }));
		});

		it('Add puts a user of the organization in the group; someone outside it, or already in, is said so in plain words', async () => {
			const added = await member({ operation: 'add', groupId: byId(GROUP_SUPPORT), userId: byId(USER_ADA_OWNER) });
			expect(added.items[0]).toEqual({ object: 'group.user', user_id: USER_ADA_OWNER, group_id: GROUP_SUPPORT });
			expect(server.requests[0].body).toEqual({ user_id: USER_ADA_OWNER });
			expect(usersOf(GROUP_SUPPORT)).toContain(USER_ADA_OWNER);

			const outsider = await member({ operation: 'add', groupId: byId(GROUP_SUPPORT), userId: byId(USER_GRACE_GLOBEX) });
			expect(outsider.error?.message).toBe('The user is not in the organization, and only its users can join a group');
			expect(outsider.error?.description).toContain('Invite');
			const twice = await member({ operation: 'add', groupId: byId(GROUP_SUPPORT), userId: byId(USER_ADA_OWNER) });
			expect(twice.error?.message).toBe('The user is already in the group');
			expectNoFullKeyIn(outsider, twice);
		});

		it('Add is not repeated after its answer was lost: the user found in the group is the result', async () => {
			server.faults.add({ kind: 'reset_after', method: 'POST', path: `/v1/organization/groups/${GROUP_SUPPORT}/users`, times: 1 });
			const result = await member({ operation: 'add', groupId: byId(GROUP_SUPPORT), userId: byId(USER_ADA_OWNER) });
			expect(result.error).toBeUndefined();
			expect(result.items[0]).toEqual(expect.objectContaining({ user_id: USER_ADA_OWNER, group_id: GROUP_SUPPORT, recoveredAfterLostResponse: true }));
			expect(changes(server)).toHaveLength(1);
		});

		it('Remove: Dry Run names the user and the group; live, the user leaves the group but not the organization', async () => {
			const plan = await member({ operation: 'remove', groupId: byId(GROUP_ENGINEERING), userId: byId(USER_CASEY_LEAVING), dryRun: true });
			expect(plan.items[0]).toEqual(
				expect.objectContaining({
					dryRun: true,
					wouldRemove: true,
					plan: `Would remove user "casey@acme.example" (${USER_CASEY_LEAVING}) from group "Engineering" (${GROUP_ENGINEERING})`,
				}),
			);
			expect(changes(server)).toEqual([]);

			const live = await member({ operation: 'remove', groupId: byId(GROUP_ENGINEERING), userId: byId(USER_CASEY_LEAVING) });
			expect(live.items[0]).toEqual(
				expect.objectContaining({ object: 'group.user.deleted', deleted: true, id: USER_CASEY_LEAVING, groupId: GROUP_ENGINEERING, groupName: 'Engineering' }),
			);
			expect(usersOf(GROUP_ENGINEERING)).toEqual([USER_ADA_OWNER]);
			expect(server.state.users.some((user) => user.id === USER_CASEY_LEAVING)).toBe(true);
		});

		it('Remove from a SCIM group is refused before any change; a user not in the group is a plain 404', async () => {
			const scim = await member({ operation: 'remove', groupId: byId(GROUP_SCIM_FINANCE), userId: byId(USER_ADA_OWNER) });
			expect(scim.error?.message).toMatch(/managed by your identity provider \(SCIM\), so OpenAI cannot remove its users$/);
			const absent = await member({ operation: 'remove', groupId: byId(GROUP_SUPPORT), userId: byId(USER_ADA_OWNER) });
			expect(absent.error?.description).toContain('HTTP status: 404');
			expect(changes(server)).toEqual([]);
		});
	});
});
