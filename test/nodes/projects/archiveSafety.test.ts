import { ADMIN_KEY_ACME, DEFAULT_PROJECT_ACME, ORG_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { nodeResult, runNode } from '../workflowHelpers';

const admin = { apiKey: ADMIN_KEY_ACME };
const archiveEach = { resource: 'project', operation: 'archive', projectId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } };

describe('OpenAI Projects: Archive is safe to automate', () => {
	let server: OpenAiTestServer;

	serveTestServer({ projects: 40 }, (started) => (server = started));

	const active = () =>
		server.state.projects.filter((project) => project.organizationId === ORG_ACME && !project.isDefault && project.archivedAt === null);
	const archives = () => server.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/archive'));
	const archive = async (ids: string[], parameters: Record<string, unknown> = {}, continueOnFail = false) =>
		await runNode(server, {
			parameters: { ...archiveEach, ...parameters },
			credential: admin,
			continueOnFail,
			inputItems: ids.map((id) => ({ id })),
		});

	it('Dry Run returns what would be archived and sends no archive', async () => {
		const [first, second] = active();
		const already = server.state.projects.find((project) => project.organizationId === ORG_ACME && project.archivedAt !== null)!;
		const result = await archive([first.id, second.id, already.id], { dryRun: true });

		const items = nodeResult(result).items;
		expect(items.map((item) => [item.id, item.dryRun, item.wouldArchive, item.alreadyArchived])).toEqual([
			[first.id, true, true, false],
			[second.id, true, true, false],
			[already.id, true, false, true],
		]);
		expect(archives()).toEqual([]);
		expect(active().map((project) => project.id)).toEqual(expect.arrayContaining([first.id, second.id]));
	});

	it('a project that does not exist in the last item stops the run before the first archive', async () => {
		const [first, second] = active();
		const result = await archive([first.id, second.id, 'proj_doesNotExist0000000001']);

		expect(nodeResult(result).error?.message).toBe('Project proj_doesNotExist0000000001 was not found in this organization');
		expect(archives()).toEqual([]);
	});

	it('the Default project in the last item is refused before the first archive', async () => {
		const [first] = active();
		const result = await archive([first.id, DEFAULT_PROJECT_ACME]);

		const error = nodeResult(result).error;
		expect(error?.message).toBe('The Default project cannot be renamed or archived');
		expect(error?.description).toContain('Item 2 is the Default project');
		expect(archives()).toEqual([]);
	});

	it('more items than Max Projects per Run (default 20) stop the node before any request', async () => {
		const ids = active().slice(0, 21).map((project) => project.id);
		const result = await archive(ids);

		expect(nodeResult(result).error?.message).toBe(
			'21 items would archive 21 projects, more than "Max Projects per Run" (20); nothing was archived',
		);
		expect(server.requests).toEqual([]);

		const fewer = await archive(ids.slice(0, 3), { maxPerRun: 2 });
		expect(nodeResult(fewer).error?.message).toBe('3 items would archive 3 projects, more than "Max Projects per Run" (2); nothing was archived');
		expect(server.requests).toEqual([]);
	});

	it('up to the cap, every project is checked first (in the project list, read once) and then archived one at a time', async () => {
		const ids = active().slice(0, 20).map((project) => project.id);
		const result = await archive(ids);

		expect(nodeResult(result).items.map((item) => [item.id, item.status, item.alreadyArchived])).toEqual(ids.map((id) => [id, 'archived', false]));
		const firstArchive = server.requests.findIndex((request) => request.method === 'POST');
		expect(server.requests.slice(0, firstArchive).map((request) => [request.method, request.path, request.query.include_archived])).toEqual([
			['GET', '/v1/organization/projects', 'true'],
		]);
		expect(archives()).toHaveLength(20);
	});

	it('a few items are each checked with their own GET, not by reading the project list', async () => {
		const ids = active().slice(0, 3).map((project) => project.id);
		await archive(ids, { dryRun: true });

		expect(server.requests.map((request) => request.path)).toEqual(ids.map((id) => `/v1/organization/projects/${id}`));
	});

	it('archiving an archived project is a success with alreadyArchived: true, and sends no archive', async () => {
		const already = server.state.projects.find((project) => project.organizationId === ORG_ACME && project.archivedAt !== null)!;
		const result = await archive([already.id]);

		expect(nodeResult(result).items).toEqual([expect.objectContaining({ id: already.id, status: 'archived', alreadyArchived: true })]);
		expect(archives()).toEqual([]);
	});

	it.each([0, 1.5, 1001])('refuses Max Projects per Run = %p before any request', async (maxPerRun) => {
		const result = await archive([active()[0].id], { maxPerRun });
		expect(nodeResult(result).error?.message).toBe(`"Max Projects per Run" must be a whole number from 1 to 1000, not ${maxPerRun}`);
		expect(server.requests).toEqual([]);
	});
});

describe('OpenAI Projects: Archive of many projects reads the project list only as far as it pays', () => {
	let server: OpenAiTestServer;

	serveTestServer({ projects: 1_300 }, (started) => (server = started));

	/** The Acme projects in the order the list serves them (oldest first). */
	const listed = () =>
		server.state.projects
			.filter((project) => project.organizationId === ORG_ACME)
			.sort((a, b) => a.createdAt - b.createdAt);
	const activeListed = () => listed().filter((project) => !project.isDefault && project.archivedAt === null);
	const beforeFirstArchive = () => {
		const first = server.requests.findIndex((request) => request.method === 'POST');
		return server.requests.slice(0, first === -1 ? undefined : first);
	};
	const dryRun = async (ids: string[]) =>
		await runNode(server, {
			parameters: { ...archiveEach, dryRun: true, maxPerRun: 1000 },
			credential: admin,
			inputItems: ids.map((id) => ({ id })),
		});

	it('projects near the start of the list cost one page for the whole run', async () => {
		const ids = activeListed().slice(0, 12).map((project) => project.id);
		const result = await dryRun(ids);

		expect(nodeResult(result).items.map((item) => item.id)).toEqual(ids);
		expect(server.requests.map((request) => request.path)).toEqual(['/v1/organization/projects']);
	});

	it('never reads more pages than the run has items: the rest are read one by one', async () => {
		expect(listed().length).toBeGreaterThan(12 * 100);
		const ids = activeListed().slice(-12).map((project) => project.id);
		const result = await dryRun(ids);

		expect(nodeResult(result).items.map((item) => item.id)).toEqual(ids);
		const pages = server.requests.filter((request) => request.path === '/v1/organization/projects');
		const gets = server.requests.filter((request) => request.path !== '/v1/organization/projects');
		expect(pages).toHaveLength(12);
		expect(gets.map((request) => request.path)).toEqual(ids.map((id) => `/v1/organization/projects/${id}`));
	});

	it('a project that is not in the list is read on its own, and its "not found" stops the run before any archive', async () => {
		const ids = [...activeListed().slice(0, 9).map((project) => project.id), 'proj_doesNotExist0000000001'];
		const result = await runNode(server, {
			parameters: { ...archiveEach, maxPerRun: 1000 },
			credential: admin,
			inputItems: ids.map((id) => ({ id })),
		});

		expect(nodeResult(result).error?.message).toBe('Project proj_doesNotExist0000000001 was not found in this organization');
		expect(archives(server)).toEqual([]);
		expect(beforeFirstArchive().at(-1)?.path).toBe('/v1/organization/projects/proj_doesNotExist0000000001');
	});
});

function archives(server: OpenAiTestServer) {
	return server.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/archive'));
}
