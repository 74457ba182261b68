import {
	searchOrganizationUsers,
	searchProjectApiKeys,
	searchProjectUsers,
	searchServiceAccounts,
} from '../../../nodes/OpenAiProjects/methods/listSearch';
import { ADMIN_KEY_ACME, CASEY_EMAIL, DEFAULT_PROJECT_ACME, USER_ADA_OWNER, USER_CASEY_LEAVING } from '../../openai-server';
import type { OpenAiTestServer, SeedProject } from '../../openai-server';
import { pickerContext } from '../pickerContext';
import { serveTestServer } from '../testServer';

let server: OpenAiTestServer;
const projects: SeedProject[] = [
	...Array.from({ length: 40 }, (_, index) => ({ name: `Team ${index}` })),
	{ name: 'Robots', activity: { usage: [], keys: [{ lastUsedDaysAgo: 3 }, { lastUsedDaysAgo: 9, serviceAccount: true }] } },
];
serveTestServer({ projects }, (started) => (server = started));

const context = (projectId?: unknown) =>
	pickerContext({
		credential: { apiKey: ADMIN_KEY_ACME, organizationId: '', projectId: '', baseUrl: server.url },
		nodeParameters: projectId === undefined ? {} : { projectId },
	});

describe('pickers inside a project: the project first, then its user, service account or key', () => {
	test('no project chosen yet: an empty list and no request', async () => {
		expect(await searchProjectUsers.call(context())).toEqual({ results: [] });
		expect(server.requests).toEqual([]);
	});

	test("the project's users, searchable by name, email or ID, from the list or an ID typed in the Project field", async () => {
		const fromList = await searchProjectUsers.call(context({ __rl: true, mode: 'list', value: DEFAULT_PROJECT_ACME }), 'casey');
		expect(fromList.results).toEqual([{ name: `Casey Leaving <${CASEY_EMAIL}> (owner)`, value: USER_CASEY_LEAVING }]);
		const typed = await searchProjectUsers.call(context(DEFAULT_PROJECT_ACME));
		expect(typed.results.map((result) => result.value)).toEqual(expect.arrayContaining([USER_ADA_OWNER, USER_CASEY_LEAVING]));
		expect(server.requests.every((request) => request.path === `/v1/organization/projects/${DEFAULT_PROJECT_ACME}/users`)).toBe(true);
	});

	test('keys show their name and redacted value; service accounts their name', async () => {
		const project = server.state.projects.find((candidate) => candidate.name === 'Robots')!;
		const keys = await searchProjectApiKeys.call(context(project.id));
		expect(keys.results.map((result) => result.value)).toEqual(project.activity.keys.map((key) => key.id));
		expect(keys.results[0].name).toContain('sk-');
		expect(keys.results[0].name).toContain('****');
		const accounts = await searchServiceAccounts.call(context(project.id));
		expect(accounts.results).toEqual([{ name: 'Service account 2', value: project.activity.keys[1].owner.id }]);
	});

	test('the organization\'s users for "Add", a screenful at a time with a token to continue', async () => {
		const first = await searchOrganizationUsers.call(context());
		expect(first.results.length).toBeGreaterThanOrEqual(20);
		const casey = await searchOrganizationUsers.call(context(), CASEY_EMAIL);
		expect(casey.results.map((result) => result.value)).toEqual([USER_CASEY_LEAVING]);
	});

	test('an archived or unknown project: the picker says why in words', async () => {
		await expect(searchProjectUsers.call(context('proj_doesNotExist0000000001'))).rejects.toThrow(
			'Project proj_doesNotExist0000000001 was not found in this organization (HTTP 404)',
		);
	});
});
