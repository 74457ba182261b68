import {
	INVITE_ACCEPTED_FAY,
	INVITE_EXPIRED_GUS,
	INVITE_PENDING_DANA,
	INVITE_PENDING_EVAN,
	ORG_ACME,
	CASEY_EMAIL,
} from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { nodeResult } from '../workflowHelpers';
import { byIdFromInput, outputOf, requestsTo, runOrganization } from './support';

const INVITES = '/v1/organization/invites';

describe('OpenAI Organization: Invites', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 12, seed: 17 }, (started) => (server = started));

	const acmeProjects = () => server.state.projects.filter((project) => project.organizationId === ORG_ACME && project.archivedAt === null);

	it('Get Many lists the organization\'s invites, and a status filter keeps those', async () => {
		const all = await outputOf(server, { resource: 'invite', operation: 'getAll', returnAll: true });
		expect(all.map((item) => item.id)).toEqual([INVITE_ACCEPTED_FAY, INVITE_EXPIRED_GUS, INVITE_PENDING_DANA, INVITE_PENDING_EVAN]);
		expect(all[2]).toMatchObject({ object: 'organization.invite', status: 'pending', projects: expect.any(Array) });
		expect(all[2].expiresAtIso).toBe(new Date((all[2].expires_at as number) * 1000).toISOString());

		const pending = await outputOf(server, { resource: 'invite', operation: 'getAll', returnAll: true, filters: { status: 'pending' } });
		expect(pending.map((item) => item.id)).toEqual([INVITE_PENDING_DANA, INVITE_PENDING_EVAN]);
	});

	it('Create sends the email, the role and each project with its role, as the contract describes them', async () => {
		const [first, second] = acmeProjects();
		const [item] = await outputOf(server, {
			resource: 'invite',
			operation: 'create',
			email: ' new.hire@acme.example ',
			role: 'reader',
			projects: { project: [{ id: first.id, role: 'owner' }, { id: second.id, role: 'member' }] },
		});
		expect(item).toMatchObject({ object: 'organization.invite', email: 'new.hire@acme.example', status: 'pending', role: 'reader' });
		expect(item.projects).toEqual([{ id: first.id, role: 'owner' }, { id: second.id, role: 'member' }]);
		expect(requestsTo(server, 'POST', INVITES)[0].body).toEqual({
			email: 'new.hire@acme.example',
			role: 'reader',
			projects: [{ id: first.id, role: 'owner' }, { id: second.id, role: 'member' }],
		});
	});

	it('Create takes the projects picked in its rows (from the list or by ID) as it takes typed IDs', async () => {
		const [first, second] = acmeProjects();
		await outputOf(server, {
			resource: 'invite',
			operation: 'create',
			email: 'picked@acme.example',
			role: 'reader',
			projects: {
				project: [
					{ id: { __rl: true, mode: 'list', value: first.id, cachedResultName: first.name }, role: 'owner' },
					{ id: { __rl: true, mode: 'id', value: second.id }, role: 'member' },
				],
			},
		});
		expect(requestsTo(server, 'POST', INVITES)[0].body).toMatchObject({
			projects: [{ id: first.id, role: 'owner' }, { id: second.id, role: 'member' }],
		});
	});

	it('Create without projects leaves them out, so OpenAI adds the person to the Default project', async () => {
		const [item] = await outputOf(server, { resource: 'invite', operation: 'create', email: 'solo@acme.example', role: 'owner' });
		expect(requestsTo(server, 'POST', INVITES)[0].body).toEqual({ email: 'solo@acme.example', role: 'owner' });
		expect(item.projects).toEqual([{ id: expect.stringMatching(/^proj_/), role: 'member' }]);
	});

	it('bad input is refused before any request: an email list, a project that is not an ID, a project twice', async () => {
		const [first] = acmeProjects();
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ email: 'a@acme.example, b@acme.example' }, '"Email" must be one email address, not "a@acme.example, b@acme.example"'],
			[{ email: '={{ "" }}' }, '"Email" is empty: enter the address to invite'],
			[{ email: 'a@acme.example', projects: { project: [{ id: 'Support Bot', role: 'member' }] } }, '"Projects" entry 1 must be a project ID like proj_abc123, not "Support Bot"'],
			[{ email: 'a@acme.example', projects: { project: [{ id: first.id, role: 'member' }, { id: first.id, role: 'owner' }] } }, `"Projects" names ${first.id} twice`],
		];
		for (const [parameters, message] of cases) {
			const result = await runOrganization(server, { resource: 'invite', operation: 'create', role: 'reader', ...parameters });
			expect(nodeResult(result).error?.message).toBe(message);
		}
		expect(server.requests).toEqual([]);
	});

	it('OpenAI\'s refusal of a second invite, or of a member, is an API error; Continue On Fail pairs the items', async () => {
		const result = await runOrganization(
			server,
			{ resource: 'invite', operation: 'create', email: '={{ $json.email }}', role: 'reader' },
			{ continueOnFail: true, inputItems: [{ email: 'dana@acme.example' }, { email: 'fresh@acme.example' }, { email: CASEY_EMAIL }] },
		);
		const outputs = nodeResult(result).outputs[0];
		expect(outputs.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(JSON.stringify(outputs[0].json)).toContain('already a pending invite');
		expect(outputs[1].json).toMatchObject({ email: 'fresh@acme.example', status: 'pending' });
		expect(JSON.stringify(outputs[2].json)).toContain('already a member');
	});

	it('a second invite to an address names its pending invite and what to do; an address already in the organization is said so', async () => {
		const pending = await runOrganization(server, { resource: 'invite', operation: 'create', email: 'dana@acme.example', role: 'reader' });
		const error = nodeResult(pending).error!;
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toMatch(new RegExp(`^dana@acme\\.example already has a pending invite \\(${INVITE_PENDING_DANA}, sent \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z, expires \\d{4}-`));
		expect(error.description).toContain(`withdraw it with Invite &gt; Delete (${INVITE_PENDING_DANA})`);
		expect(error.description).not.toContain('Correct the value');
		expect(error.description).toContain('Request ID:');

		const member = await runOrganization(server, { resource: 'invite', operation: 'create', email: CASEY_EMAIL, role: 'reader' });
		expect(nodeResult(member).error?.message).toBe(`${CASEY_EMAIL} is already a member of the organization`);
	});

	it('Get reads one invite; an unknown one is not found', async () => {
		const [item] = await outputOf(server, { resource: 'invite', operation: 'get', inviteId: { __rl: true, mode: 'id', value: INVITE_PENDING_DANA } });
		expect(item).toMatchObject({ id: INVITE_PENDING_DANA, email: 'dana@acme.example' });
		const missing = await runOrganization(server, { resource: 'invite', operation: 'get', inviteId: { __rl: true, mode: 'id', value: 'invite-Missing0000000000001' } });
		expect(nodeResult(missing).error?.message).toBe('Invite invite-Missing0000000000001 was not found in this organization');
	});

	describe('Delete (destructive)', () => {
		const deletes = () => requestsTo(server, 'DELETE', /^\/v1\/organization\/invites\//);
		const remove = async (ids: string[], parameters: Record<string, unknown> = {}, continueOnFail = false) =>
			await runOrganization(
				server,
				{ resource: 'invite', operation: 'delete', inviteId: byIdFromInput, ...parameters },
				{ continueOnFail, inputItems: ids.map((id) => ({ id })) },
			);

		it('deletes pending and expired invites', async () => {
			const result = await remove([INVITE_PENDING_EVAN, INVITE_EXPIRED_GUS]);
			expect(nodeResult(result).items).toEqual([
				{ object: 'organization.invite.deleted', id: INVITE_PENDING_EVAN, deleted: true, email: 'evan@acme.example' },
				{ object: 'organization.invite.deleted', id: INVITE_EXPIRED_GUS, deleted: true, email: 'gus@acme.example' },
			]);
			expect(server.state.invites.map((invite) => invite.id)).not.toContain(INVITE_PENDING_EVAN);
		});

		it('an accepted invite in the last item is refused before the first deletion, with what to do instead', async () => {
			const result = await remove([INVITE_PENDING_EVAN, INVITE_ACCEPTED_FAY]);
			const error = nodeResult(result).error;
			expect(error?.message).toBe(`Invite ${INVITE_ACCEPTED_FAY} was already accepted and cannot be deleted`);
			expect(error?.description).toContain('User > Remove');
			expect(deletes()).toEqual([]);
		});

		it('Dry Run deletes nothing; Continue On Fail puts the refused item in its place', async () => {
			const dry = await remove([INVITE_PENDING_EVAN], { dryRun: true });
			expect(nodeResult(dry).items).toEqual([expect.objectContaining({ id: INVITE_PENDING_EVAN, dryRun: true, wouldDelete: true })]);
			expect(deletes()).toEqual([]);

			const result = await remove([INVITE_ACCEPTED_FAY, INVITE_PENDING_EVAN], {}, true);
			const outputs = nodeResult(result).outputs[0];
			expect(outputs.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(JSON.stringify(outputs[0].json)).toContain('already accepted');
			expect(outputs[1].json).toMatchObject({ id: INVITE_PENDING_EVAN, deleted: true });
			expect(deletes()).toHaveLength(1);
		});
	});
});
