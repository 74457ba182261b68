import { ADMIN_KEY_ACME, DEFAULT_PROJECT_ACME, ORG_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { expectNoFullKeyIn, nodeResult, runNode } from '../workflowHelpers';
import { serveTestServer } from '../testServer';

const admin = { apiKey: ADMIN_KEY_ACME };
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('OpenAI Projects: create, get, rename, archive', () => {
	let server: OpenAiTestServer;

	serveTestServer({ projects: 12, seed: 3 }, (started) => (server = started));

	const acmeProjects = () => server.state.projects.filter((project) => project.organizationId === ORG_ACME);
	const someProject = () => acmeProjects().find((project) => !project.isDefault && project.archivedAt === null)!;

	describe('create', () => {
		it('sends the trimmed name and returns the new project', async () => {
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'create', name: '  Support Triage Bot  ' },
				credential: admin,
			});
			const [created] = nodeResult(result).items;
			expect(created).toEqual(
				expect.objectContaining({ object: 'organization.project', name: 'Support Triage Bot', status: 'active' }),
			);
			expect(server.requests).toHaveLength(1);
			expect(server.requests[0]).toEqual(
				expect.objectContaining({ method: 'POST', path: '/v1/organization/projects', body: { name: 'Support Triage Bot' } }),
			);
			expect(server.requests[0].headers['openai-organization']).toBeUndefined();
			expect(acmeProjects().filter((project) => project.name === 'Support Triage Bot')).toHaveLength(1);
			expectNoFullKeyIn(result);
		});

		it('sends the optional residency and external key only when given', async () => {
			await runNode(server, {
				parameters: {
					resource: 'project',
					operation: 'create',
					name: 'EU Project',
					options: { residency: 'EU_STORAGE_PROCESSING', externalKeyId: ' ekm_123 ' },
				},
				credential: admin,
			});
			expect(server.requests[0].body).toEqual({
				name: 'EU Project',
				residency: 'EU_STORAGE_PROCESSING',
				external_key_id: 'ekm_123',
			});
		});

		it('creates one project per input item, each named by an expression', async () => {
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'create', name: '={{ $json.team }} Assistant' },
				credential: admin,
				inputItems: [{ team: 'Legal' }, { team: 'Finance' }, { team: 'HR' }],
			});
			const outputs = nodeResult(result).outputs[0];
			expect(outputs.map((item) => item.json.name)).toEqual(['Legal Assistant', 'Finance Assistant', 'HR Assistant']);
			expect(outputs.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		});

		it.each(['', '   '])('refuses a name that an expression leaves empty (%j) before any request', async (team) => {
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'create', name: '={{ $json.team }}' },
				credential: admin,
				inputItems: [{ team }],
			});
			expect(result.error?.message).toBe('"Name" is empty: a project needs a name');
			expect(server.requests).toHaveLength(0);
		});

		it('never creates the project twice when the answer to the create is lost', async () => {
			const before = acmeProjects().length;
			server.faults.add({ kind: 'reset_after', method: 'POST', path: '/organization/projects' });
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'create', name: 'Lost Answer Project' },
				credential: admin,
			});
			const [created] = nodeResult(result).items;
			expect(acmeProjects()).toHaveLength(before + 1);
			expect(acmeProjects().filter((project) => project.name === 'Lost Answer Project')).toHaveLength(1);
			expect(created).toEqual(expect.objectContaining({ name: 'Lost Answer Project', recoveredAfterLostResponse: true }));
			expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
		});

		it('finds the created project even when no retry is allowed, so a rerun cannot duplicate it', async () => {
			server.faults.add({ kind: 'reset_after', method: 'POST', path: '/organization/projects' });
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'create', name: 'No Retry Project', requestOptions: { maxRetries: 0 } },
				credential: admin,
			});
			expect(result.error).toBeUndefined();
			expect(nodeResult(result).items[0]).toEqual(
				expect.objectContaining({ name: 'No Retry Project', recoveredAfterLostResponse: true }),
			);
			expect(acmeProjects().filter((project) => project.name === 'No Retry Project')).toHaveLength(1);
		});

		it('repeats a create that failed with a server error only after checking that it did not go through', async () => {
			server.faults.add({ kind: 'server_error', status: 500, method: 'POST', path: '/organization/projects' });
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'create', name: 'Server Error Project' },
				credential: admin,
			});
			expect(nodeResult(result).items[0]).toEqual(expect.objectContaining({ name: 'Server Error Project' }));
			expect(acmeProjects().filter((project) => project.name === 'Server Error Project')).toHaveLength(1);
			expect(server.requests.map((request) => `${request.method} ${request.status}`)).toEqual([
				'POST 500',
				'GET 200',
				'POST 200',
			]);
		});

		it('creates the project once when the first attempt never reached the API', async () => {
			server.faults.add({ kind: 'reset_before', method: 'POST', path: '/organization/projects' });
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'create', name: 'Second Try Project' },
				credential: admin,
			});
			expect(nodeResult(result).items[0]).toEqual(expect.objectContaining({ name: 'Second Try Project' }));
			expect(acmeProjects().filter((project) => project.name === 'Second Try Project')).toHaveLength(1);
			expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
		});

		it('retries a create refused with a rate limit without looking for a lost result', async () => {
			server.faults.add({ kind: 'rate_limit', retryAfterMs: 5, method: 'POST', path: '/organization/projects', times: 2 });
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'create', name: 'Rate Limited Project' },
				credential: admin,
			});
			expect(nodeResult(result).items).toHaveLength(1);
			expect(server.requests.map((request) => `${request.method} ${request.status}`)).toEqual([
				'POST 429',
				'POST 429',
				'POST 200',
			]);
			expect(acmeProjects().filter((project) => project.name === 'Rate Limited Project')).toHaveLength(1);
		});
	});

	describe('get', () => {
		it('gets a project by ID', async () => {
			const project = someProject();
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'get', projectId: byId(project.id) },
				credential: admin,
			});
			expect(nodeResult(result).items).toEqual([expect.objectContaining({ id: project.id, name: project.name })]);
			expect(server.requests[0].path).toBe(`/v1/organization/projects/${project.id}`);
		});

		it('gets a project picked from the list', async () => {
			const project = someProject();
			const result = await runNode(server, {
				parameters: {
					resource: 'project',
					operation: 'get',
					projectId: { __rl: true, mode: 'list', value: project.id, cachedResultName: project.name },
				},
				credential: admin,
			});
			expect(nodeResult(result).items[0].id).toBe(project.id);
		});

		it('says plainly that an unknown project was not found', async () => {
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'get', projectId: byId('proj_doesNotExist000000000000') },
				credential: admin,
			});
			expect(result.error?.message).toBe('Project proj_doesNotExist000000000000 was not found in this organization');
			expect(result.error?.httpCode).toBe('404');
			expect(result.error?.description).toContain('HTTP status: 404');
			expect(result.error?.description).toContain('API key: sk-...');
		});

		it.each([
			['', '"Project" is empty: pick a project from the list or enter its ID'],
			['abc', '"Project" must be a project ID like proj_AbC123…, not "abc"'],
			['org-123', '"Project" must be a project ID like proj_AbC123…, not "org-123"'],
		])('refuses the project ID %j from an expression before any request', async (value, message) => {
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'get', projectId: byId('={{ $json.id }}') },
				credential: admin,
				inputItems: [{ id: value }],
			});
			expect(result.error?.message).toBe(message);
			expect(server.requests).toHaveLength(0);
		});
	});

	describe('rename', () => {
		it('renames a project', async () => {
			const project = someProject();
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'rename', projectId: byId(project.id), name: ' Renamed ' },
				credential: admin,
			});
			expect(nodeResult(result).items[0]).toEqual(expect.objectContaining({ id: project.id, name: 'Renamed' }));
			expect(server.requests[0]).toEqual(
				expect.objectContaining({ method: 'POST', path: `/v1/organization/projects/${project.id}`, body: { name: 'Renamed' } }),
			);
		});

		it('explains that the Default project cannot be renamed', async () => {
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'rename', projectId: byId(DEFAULT_PROJECT_ACME), name: 'New' },
				credential: admin,
			});
			expect(result.error?.message).toBe('The Default project cannot be renamed or archived');
			expect(result.error?.httpCode).toBe('400');
		});

		it('explains that an archived project cannot be renamed', async () => {
			const project = someProject();
			await runNode(server, {
				parameters: { resource: 'project', operation: 'archive', projectId: byId(project.id) },
				credential: admin,
			});
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'rename', projectId: byId(project.id), name: 'New' },
				credential: admin,
			});
			expect(result.error?.message).toBe(`Project ${project.id} is archived, and archived projects cannot be changed`);
		});

		it('refuses an empty new name before any request', async () => {
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'rename', projectId: byId(someProject().id), name: '={{ " " }}' },
				credential: admin,
			});
			expect(result.error?.message).toBe('"Name" is empty: a project needs a name');
			expect(server.requests).toHaveLength(0);
		});
	});

	describe('archive', () => {
		it('archives a project, and a second run reports it as already archived instead of failing', async () => {
			const project = someProject();
			const parameters = { resource: 'project', operation: 'archive', projectId: byId(project.id) };
			const first = await runNode(server, { parameters, credential: admin });
			expect(nodeResult(first).items[0]).toEqual(
				expect.objectContaining({ id: project.id, status: 'archived', alreadyArchived: false }),
			);

			const second = await runNode(server, { parameters, credential: admin });
			expect(second.error).toBeUndefined();
			expect(nodeResult(second).items[0]).toEqual(
				expect.objectContaining({
					id: project.id,
					status: 'archived',
					alreadyArchived: true,
					message: expect.stringContaining('was already archived'),
				}),
			);
			expect(server.state.projects.find((candidate) => candidate.id === project.id)?.archivedAt).toEqual(expect.any(Number));
		});

		it('explains that the Default project cannot be archived', async () => {
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'archive', projectId: byId(DEFAULT_PROJECT_ACME) },
				credential: admin,
			});
			expect(result.error?.message).toBe('The Default project cannot be renamed or archived');
			expect(server.state.projects.find((project) => project.id === DEFAULT_PROJECT_ACME)?.archivedAt).toBeNull();
		});

		it('refuses a batch whose last item is bad before archiving anything', async () => {
			const [first, second] = acmeProjects().filter((project) => !project.isDefault && project.archivedAt === null);
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'archive', projectId: byId('={{ $json.id }}') },
				credential: admin,
				inputItems: [{ id: first.id }, { id: second.id }, { id: 'not-a-project' }],
			});
			expect(result.error?.message).toBe('"Project" must be a project ID like proj_AbC123…, not "not-a-project"');
			expect(server.requests).toHaveLength(0);
			expect(acmeProjects().filter((project) => [first.id, second.id].includes(project.id)).map((project) => project.archivedAt)).toEqual([
				null,
				null,
			]);
		});

		it('with "continue on fail" puts the failing item out as an error item and archives the others', async () => {
			const [first, second] = acmeProjects().filter((project) => !project.isDefault);
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'archive', projectId: byId('={{ $json.id }}') },
				credential: admin,
				continueOnFail: true,
				inputItems: [
					{ id: first.id },
					{ id: DEFAULT_PROJECT_ACME },
					{ id: 'not-a-project' },
					{ id: 'proj_doesNotExist0000000001' },
					{ id: second.id },
				],
			});
			const outputs = nodeResult(result).outputs[0];
			expect(outputs.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }, { item: 4 }]);
			expect(outputs[0].json).toEqual(expect.objectContaining({ id: first.id, status: 'archived' }));
			// Refused by the check before the first archive, without asking OpenAI to archive it.
			expect(outputs[1].json).toEqual({
				error: 'The Default project cannot be renamed or archived',
				description: expect.stringContaining('Item 2 is the Default project'),
			});
			expect(server.requests.filter((request) => request.path.endsWith(`${DEFAULT_PROJECT_ACME}/archive`))).toEqual([]);
			expect(outputs[2].json.error).toBe('"Project" must be a project ID like proj_AbC123…, not "not-a-project"');
			expect(outputs[3].json).toEqual(
				expect.objectContaining({ error: 'Project proj_doesNotExist0000000001 was not found in this organization', httpCode: '404' }),
			);
			// The error item carries the description as plain lines, not the error panel's <br> layout.
			expect(outputs[3].json.description).toMatch(/\nHTTP status: 404\n/);
			expect(outputs[3].json.description).not.toContain('<br>');
			expect(outputs[4].json).toEqual(expect.objectContaining({ id: second.id, status: 'archived' }));
			expectNoFullKeyIn(result);
		});
	});
});
