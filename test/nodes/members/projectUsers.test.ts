import { ADMIN_KEY_ACME, CASEY_EMAIL, DEFAULT_PROJECT_ACME, ORG_ACME, USER_ADA_OWNER, USER_CASEY_LEAVING } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { expectNoFullKeyIn, nodeResult, runNode } from '../workflowHelpers';
import { activeProjects, byId, changes, membersOf } from './support';

const admin = { apiKey: ADMIN_KEY_ACME };

describe('OpenAI Projects: Project User', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 30, seed: 7 }, (started) => (server = started));

	const run = async (parameters: Record<string, unknown>, options: { inputItems?: Array<Record<string, unknown>>; continueOnFail?: boolean } = {}) =>
		await runNode(server, { parameters: { resource: 'projectUser', ...parameters }, credential: admin, ...options });
	const withMember = () => activeProjects(server).find((project) => membersOf(server, project.id).some((member) => member.role === 'member'))!;
	const outsider = (projectId: string) =>
		server.state.users.find(
			(user) => user.organizationId === ORG_ACME && !membersOf(server, projectId).some((member) => member.userId === user.id),
		)!;

	it('Get Many lists every user of the project with its project and readable date, following pages', async () => {
		const project = activeProjects(server)[0];
		const result = await run({ operation: 'getAll', projectId: byId(project.id), returnAll: true });
		const items = nodeResult(result).items;
		expect(items.map((item) => item.id).sort()).toEqual(membersOf(server, project.id).map((member) => member.userId).sort());
		expect(items[0]).toEqual(
			expect.objectContaining({ object: 'organization.project.user', projectId: project.id, addedAtIso: expect.stringMatching(/Z$/) }),
		);
		expect(server.requests[0]).toEqual(
			expect.objectContaining({ method: 'GET', path: `/v1/organization/projects/${project.id}/users`, query: { limit: '100' } }),
		);
	});

	it('Get Many finds a person by email in every project it is given', async () => {
		const projects = [...activeProjects(server).slice(0, 3), server.state.projects[0], ...activeProjects(server).slice(3, 6)];
		const result = await run(
			{ operation: 'getAll', projectId: byId('={{ $json.id }}'), returnAll: true, filters: { email: CASEY_EMAIL.toUpperCase() } },
			{ inputItems: projects.map((project) => ({ id: project.id })) },
		);
		const outputs = nodeResult(result).outputs[0];
		const expected = projects.filter((project) => membersOf(server, project.id).some((member) => member.userId === USER_CASEY_LEAVING));
		expect(expected.length).toBeGreaterThan(0);
		expect(outputs.map((item) => [item.json.projectId, item.json.id])).toEqual(expected.map((project) => [project.id, USER_CASEY_LEAVING]));
		expect(outputs.map((item) => item.pairedItem)).toEqual(
			expected.map((project) => ({ item: projects.findIndex((candidate) => candidate.id === project.id) })),
		);
	});

	it('Add sends user_id and role, or the email in Email mode, and returns the new member', async () => {
		const project = activeProjects(server)[1];
		const first = outsider(project.id);
		const byIdResult = await run({ operation: 'add', projectId: byId(project.id), organizationUser: byId(first.id), role: 'owner' });
		expect(nodeResult(byIdResult).items[0]).toEqual(expect.objectContaining({ id: first.id, role: 'owner', projectId: project.id }));
		expect(server.requests[0].body).toEqual({ user_id: first.id, role: 'owner' });

		const second = outsider(project.id);
		server.clearRequests();
		await run({ operation: 'add', projectId: byId(project.id), organizationUser: { __rl: true, mode: 'email', value: second.email } });
		expect(server.requests[0].body).toEqual({ email: second.email, role: 'member' });
		expect(membersOf(server, project.id).some((member) => member.userId === second.id)).toBe(true);
	});

	it('Add of someone already in the project says so in plain words', async () => {
		const result = await run({ operation: 'add', projectId: byId(DEFAULT_PROJECT_ACME), organizationUser: byId(USER_ADA_OWNER) });
		const error = nodeResult(result).error!;
		expect(error.message).toBe('The user is already in the project');
		expect(error.description).toContain('HTTP status: 400');
		expect(error.description).toContain('API key: sk-...');
		expectNoFullKeyIn(result);
	});

	it('Add is not repeated after a server error that may have added the user: it looks for the user first', async () => {
		const project = activeProjects(server)[2];
		const user = outsider(project.id);
		server.faults.add({ kind: 'reset_after', method: 'POST', path: `/v1/organization/projects/${project.id}/users`, times: 1 });
		const result = await run({ operation: 'add', projectId: byId(project.id), organizationUser: byId(user.id) });
		expect(nodeResult(result).items[0]).toEqual(expect.objectContaining({ id: user.id, recoveredAfterLostResponse: true }));
		expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});

	it('Get and Change Role', async () => {
		const project = withMember();
		const member = membersOf(server, project.id).find((candidate) => candidate.role === 'member')!;
		const got = await run({ operation: 'get', projectId: byId(project.id), userId: byId(member.userId) });
		expect(nodeResult(got).items[0]).toEqual(expect.objectContaining({ id: member.userId, role: 'member' }));
		server.clearRequests();
		const changed = await run({ operation: 'update', projectId: byId(project.id), userId: byId(member.userId), role: 'owner' });
		expect(nodeResult(changed).items[0].role).toBe('owner');
		expect(server.requests[0]).toEqual(
			expect.objectContaining({ method: 'POST', path: `/v1/organization/projects/${project.id}/users/${member.userId}`, body: { role: 'owner' } }),
		);
	});

	it('Change Role of the last owner to member is refused by OpenAI with the fix', async () => {
		const project = activeProjects(server)[0];
		const result = await run({ operation: 'update', projectId: byId(project.id), userId: byId(USER_ADA_OWNER), role: 'member' });
		expect(nodeResult(result).error?.message).toBe('A project keeps at least one owner, and this is its last one');
		expect(nodeResult(result).error?.description).toContain('Change Role');
	});

	it('bad input is refused before any request: no project, a user that is not an ID, an unknown role', async () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ operation: 'get', projectId: byId('={{ "" }}'), userId: byId(USER_ADA_OWNER) }, '"Project" is empty'],
			[{ operation: 'get', projectId: byId(DEFAULT_PROJECT_ACME), userId: byId('={{ "ada@acme.example" }}') }, '"User" must be a user ID'],
			[{ operation: 'update', projectId: byId(DEFAULT_PROJECT_ACME), userId: byId(USER_ADA_OWNER), role: '={{ "admin" }}' }, '"Role" must be owner or member'],
			[{ operation: 'add', projectId: byId(DEFAULT_PROJECT_ACME), organizationUser: { __rl: true, mode: 'email', value: '={{ "not-an-email@" }}' } }, '"User" is not an email address'],
			[{ operation: 'getAll', projectId: byId(DEFAULT_PROJECT_ACME), limit: 0 }, '"Limit" must be a whole number'],
		];
		for (const [parameters, message] of cases) {
			const result = await run(parameters);
			// An empty required field is refused by n8n itself, before the node runs.
			const error = result.nodes['Node Under Test']?.error ?? result.error;
			if (!error?.message.includes(message)) throw new Error(`${message}: ${JSON.stringify(error?.message)}`);
		}
		expect(server.requests).toEqual([]);
	});

	describe('Remove', () => {
		const remove = { operation: 'remove', projectId: byId('={{ $json.projectId }}'), userId: byId('={{ $json.userId }}') };

		it('Dry Run shows who would be removed and removes nobody', async () => {
			const result = await run({ ...remove, dryRun: true }, { inputItems: [{ projectId: DEFAULT_PROJECT_ACME, userId: USER_CASEY_LEAVING }] });
			expect(nodeResult(result).items[0]).toEqual(expect.objectContaining({ id: USER_CASEY_LEAVING, dryRun: true, wouldRemove: true }));
			expect(changes(server)).toEqual([]);
		});

		it('removes a second owner; the last owner in a later item stops the run before the first removal', async () => {
			const project = activeProjects(server)[0];
			const refused = await run(remove, {
				inputItems: [
					{ projectId: DEFAULT_PROJECT_ACME, userId: USER_CASEY_LEAVING },
					{ projectId: project.id, userId: USER_ADA_OWNER },
				],
			});
			expect(nodeResult(refused).error?.message).toBe(`${USER_ADA_OWNER} is the last owner of project ${project.id}, and a project keeps an owner`);
			expect(changes(server)).toEqual([]);

			const done = await run(remove, { inputItems: [{ projectId: DEFAULT_PROJECT_ACME, userId: USER_CASEY_LEAVING }] });
			expect(nodeResult(done).items[0]).toEqual(expect.objectContaining({ id: USER_CASEY_LEAVING, deleted: true, projectId: DEFAULT_PROJECT_ACME }));
			expect(membersOf(server, DEFAULT_PROJECT_ACME).some((member) => member.userId === USER_CASEY_LEAVING)).toBe(false);
		});

		it('two owners of one project cannot both be removed in one run', async () => {
			const result = await run(remove, {
				inputItems: [
					{ projectId: DEFAULT_PROJECT_ACME, userId: USER_CASEY_LEAVING },
					{ projectId: DEFAULT_PROJECT_ACME, userId: USER_ADA_OWNER },
				],
			});
			expect(nodeResult(result).error?.message).toContain('is the last owner of project');
			expect(changes(server)).toEqual([]);
		});

		it('with Continue On Fail, a refused item becomes an error item in its place and the others are removed', async () => {
			const project = withMember();
			const member = membersOf(server, project.id).find((candidate) => candidate.role === 'member')!;
			const result = await run(remove, {
				continueOnFail: true,
				inputItems: [
					{ projectId: project.id, userId: 'user-NotInThisProject0001' },
					{ projectId: project.id, userId: member.userId },
				],
			});
			const outputs = nodeResult(result).outputs[0];
			expect(outputs.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(outputs[0].json.error).toBe(`User user-NotInThisProject0001 in project ${project.id} was not found in this organization`);
			expect(outputs[1].json).toEqual(expect.objectContaining({ id: member.userId, deleted: true }));
		});

		it('more items than Max Users per Run stop the node before any request', async () => {
			const result = await run({ ...remove, maxPerRun: 1 }, {
				inputItems: [
					{ projectId: DEFAULT_PROJECT_ACME, userId: USER_CASEY_LEAVING },
					{ projectId: DEFAULT_PROJECT_ACME, userId: USER_ADA_OWNER },
				],
			});
			expect(nodeResult(result).error?.message).toBe('2 items would remove 2 users, more than "Max Users per Run" (1); nothing was removed');
			expect(server.requests).toEqual([]);
		});

		it('an archived project cannot be changed: the check says so before anything is removed', async () => {
			const archived = server.state.projects.find((project) => project.organizationId === ORG_ACME && project.archivedAt !== null)!;
			const result = await run(remove, { inputItems: [{ projectId: archived.id, userId: USER_ADA_OWNER }] });
			expect(nodeResult(result).error?.message).toContain('is archived, and archived projects cannot be changed');
			expect(changes(server)).toEqual([]);
		});
	});
});
