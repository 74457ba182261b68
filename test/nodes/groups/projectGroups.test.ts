import {
	ADMIN_KEY_ACME,
	DEFAULT_PROJECT_ACME,
	GROUP_ENGINEERING,
	GROUP_GLOBEX_RESEARCH,
	GROUP_SUPPORT,
	PROJECT_MEMBER_ROLE,
} from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { expectNoFullKeyIn, nodeResult, runNode } from '../workflowHelpers';
import { activeProjects, byId, changes } from '../members/support';

const admin = { apiKey: ADMIN_KEY_ACME };

describe('OpenAI Projects: Project Group', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 3, seed: 5 }, (started) => (server = started));

	const run = async (parameters: Record<string, unknown>, inputItems?: Array<Record<string, unknown>>) =>
		nodeResult(await runNode(server, { parameters: { resource: 'projectGroup', ...parameters }, credential: admin, inputItems }));
	const groupsOf = (projectId: string) =>
		server.state.projectGroups.filter((access) => access.projectId === projectId).map((access) => access.groupId);

	it('Get Many lists the groups with access to the project, page after page by next; Get reads one', async () => {
		const project = activeProjects(server)[0];
		const now = Math.floor(Date.now() / 1000);
		for (let index = 0; index < 130; index++) {
			const id = `group_bulk${index}`;
			server.state.groups.push({ id, organizationId: project.organizationId, name: `Team ${index}`, createdAt: now, isScimManaged: false, groupType: 'group' });
			server.state.projectGroups.push({ projectId: project.id, groupId: id, role: PROJECT_MEMBER_ROLE, createdAt: now });
		}
		const all = await run({ operation: 'getAll', projectId: byId(project.id), returnAll: true });
		expect(all.items).toHaveLength(130);
		expect(all.items[129]).toEqual(expect.objectContaining({ object: 'project.group', group_id: 'group_bulk129', group_name: 'Team 129', createdAtIso: expect.stringMatching(/Z$/) }));
		expect(server.requests.map((request) => request.query)).toEqual([{ limit: '100' }, { limit: '100', after: 'group_bulk99' }]);

		const one = await run({ operation: 'get', projectId: byId(DEFAULT_PROJECT_ACME), groupId: byId(GROUP_ENGINEERING) });
		expect(one.items[0]).toEqual(expect.objectContaining({ project_id: DEFAULT_PROJECT_ACME, group_id: GROUP_ENGINEERING, group_name: 'Engineering' }));
	});

	it('Add gives a group the project with a project role; a role that is not a role ID is refused before any request', async () => {
		const project = activeProjects(server)[1];
		const added = await run({ operation: 'add', projectId: byId(project.id), groupId: byId(GROUP_SUPPORT), role: PROJECT_MEMBER_ROLE });
		expect(added.items[0]).toEqual(expect.objectContaining({ object: 'project.group', project_id: project.id, group_id: GROUP_SUPPORT, group_name: 'Support' }));
		expect(server.requests[0].body).toEqual({ group_id: GROUP_SUPPORT, role: PROJECT_MEMBER_ROLE });
		expect(groupsOf(project.id)).toEqual([GROUP_SUPPORT]);

		server.clearRequests();
		const badRole = await run({ operation: 'add', projectId: byId(project.id), groupId: byId(GROUP_ENGINEERING), role: 'member' });
		expect(badRole.error?.message).toBe('"Project Role ID" must be a role ID like role_abc123, not "member"');
		expect(server.requests).toEqual([]);

		const twice = await run({ operation: 'add', projectId: byId(project.id), groupId: byId(GROUP_SUPPORT), role: PROJECT_MEMBER_ROLE });
		expect(twice.error?.message).toBe('The group already has access to the project');
		const foreign = await run({ operation: 'add', projectId: byId(project.id), groupId: byId(GROUP_GLOBEX_RESEARCH), role: PROJECT_MEMBER_ROLE });
		expect(foreign.error?.description).toContain('HTTP status: 404');
		expectNoFullKeyIn(twice, foreign);
	});

	it('Add is not repeated after its answer was lost: the access found is the result', async () => {
		const project = activeProjects(server)[2];
		server.faults.add({ kind: 'reset_after', method: 'POST', path: `/v1/organization/projects/${project.id}/groups`, times: 1 });
		const result = await run({ operation: 'add', projectId: byId(project.id), groupId: byId(GROUP_ENGINEERING), role: PROJECT_MEMBER_ROLE });
		expect(result.error).toBeUndefined();
		expect(result.items[0]).toEqual(expect.objectContaining({ group_id: GROUP_ENGINEERING, recoveredAfterLostResponse: true }));
		expect(changes(server)).toHaveLength(1);
		expect(groupsOf(project.id)).toEqual([GROUP_ENGINEERING]);
	});

	it('Remove: Dry Run plans it and changes nothing; live, it ends the access, the Default project\'s too (OpenAI allows it: not refused)', async () => {
		const plan = await run({ operation: 'remove', projectId: byId(DEFAULT_PROJECT_ACME), groupId: byId(GROUP_ENGINEERING), dryRun: true, reason: 're-org' });
		expect(plan.items[0]).toEqual(
			expect.objectContaining({
				dryRun: true,
				wouldRemove: true,
				plan: `Would remove group "Engineering" (${GROUP_ENGINEERING}) from project ${DEFAULT_PROJECT_ACME}: re-org`,
			}),
		);
		expect(changes(server)).toEqual([]);

		const live = await run({ operation: 'remove', projectId: byId(DEFAULT_PROJECT_ACME), groupId: byId(GROUP_ENGINEERING) });
		expect(live.items[0]).toEqual(
			expect.objectContaining({ object: 'project.group.deleted', deleted: true, group_id: GROUP_ENGINEERING, project_id: DEFAULT_PROJECT_ACME }),
		);
		expect(groupsOf(DEFAULT_PROJECT_ACME)).toEqual([]);

		const gone = await run({ operation: 'remove', projectId: byId(DEFAULT_PROJECT_ACME), groupId: byId(GROUP_ENGINEERING) });
		expect(gone.error?.description).toContain('HTTP status: 404');
	});

	it('Remove of more groups than Max per Run stops before the first change', async () => {
		const project = activeProjects(server)[0];
		for (const groupId of [GROUP_ENGINEERING, GROUP_SUPPORT]) {
			server.state.projectGroups.push({ projectId: project.id, groupId, role: PROJECT_MEMBER_ROLE, createdAt: 1 });
		}
		const result = await run({ operation: 'remove', projectId: byId(project.id), groupId: byId('={{ $json.id }}'), maxPerRun: 1 }, [
			{ id: GROUP_ENGINEERING },
			{ id: GROUP_SUPPORT },
		]);
		expect(result.error?.message).toMatch(/Max/i);
		expect(changes(server)).toEqual([]);
		expect(groupsOf(project.id)).toHaveLength(2);
	});
});
