import { searchGroups as organizationGroups, searchGroupUsers } from '../../../nodes/OpenAiOrganization/methods/listSearch';
import { searchGroups as projectsGroups, searchProjectGroups } from '../../../nodes/OpenAiProjects/methods/listSearch';
import {
	ADMIN_KEY_ACME,
	CASEY_EMAIL,
	DEFAULT_PROJECT_ACME,
	GROUP_ENGINEERING,
	GROUP_SCIM_FINANCE,
	GROUP_SUPPORT,
	ORG_ACME,
	USER_CASEY_LEAVING,
} from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { pickerContext } from '../pickerContext';
import { serveTestServer } from '../testServer';

let server: OpenAiTestServer;
serveTestServer({ projects: 2 }, (started) => (server = started));

const context = (nodeParameters: Record<string, unknown> = {}) =>
	pickerContext({ credential: { apiKey: ADMIN_KEY_ACME, organizationId: '', projectId: '', baseUrl: server.url }, nodeParameters });

describe('group pickers', () => {
	test("the organization's groups, in both nodes, searchable by name; SCIM-managed ones say so; a second page of the list is asked for with the cursor the first gave", async () => {
		expect(organizationGroups).toBe(projectsGroups);
		const found = await organizationGroups.call(context(), 'okta');
		expect(found.results).toEqual([{ name: 'Finance (Okta) (SCIM)', value: GROUP_SCIM_FINANCE }]);
		for (let index = 0; index < 130; index++) {
			server.state.groups.push({ id: `group_more${index}`, organizationId: ORG_ACME, name: `Team ${index}`, createdAt: 1, isScimManaged: false, groupType: 'group' });
		}
		const first = await organizationGroups.call(context());
		expect(first.results.slice(0, 2)).toEqual([
			{ name: 'Engineering', value: GROUP_ENGINEERING },
			{ name: 'Support', value: GROUP_SUPPORT },
		]);
		expect(first.paginationToken).toEqual(expect.any(String));
		const rest = await organizationGroups.call(context(), undefined, first.paginationToken as string);
		expect(first.results).toHaveLength(100);
		expect(rest.results).toHaveLength(33);
		expect(rest.paginationToken).toBeUndefined();
		expect(server.requests.at(-1)?.query).toEqual({ after: first.paginationToken, limit: '100' });
	});

	test("a group's users once the group is chosen, and nothing (no request) before", async () => {
		expect(await searchGroupUsers.call(context())).toEqual({ results: [] });
		expect(server.requests).toEqual([]);
		const found = await searchGroupUsers.call(context({ groupId: { __rl: true, mode: 'list', value: GROUP_ENGINEERING } }), 'casey');
		expect(found.results).toEqual([{ name: `Casey Leaving <${CASEY_EMAIL}>`, value: USER_CASEY_LEAVING }]);
	});

	test("the groups of the chosen project, named, with the group's ID as the value", async () => {
		expect(await searchProjectGroups.call(context())).toEqual({ results: [] });
		const found = await searchProjectGroups.call(context({ projectId: DEFAULT_PROJECT_ACME }));
		expect(found.results).toEqual([{ name: 'Engineering', value: GROUP_ENGINEERING }]);
	});
});
