/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	ADMIN_KEY_ACME,
	ADMIN_KEY_GLOBEX,
	DEFAULT_PROJECT_ACME,
	DEFAULT_PROJECT_GLOBEX,
	PROJECT_GLOBEX_ARCHIVED,
	PROJECT_GLOBEX_RESEARCH,
	PROJECT_GLOBEX_SUPPORT,
	startOpenAiTestServer,
	type OpenAiTestServer,
} from '..';
import { validateRequest } from '../../contract/openapi';
import { call, expectError, type CallOptions } from './client';

const NOW = Date.UTC(2026, 10, 1, 12);
let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer({ projects: 45, now: () => NOW });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const acme = (method: 'GET' | 'POST', path: string, options: CallOptions = {}) =>
	call(server, method, `/organization/projects${path}`, { key: ADMIN_KEY_ACME, ...options });
const ids = (body: { data: Array<{ id: string }> }) => body.data.map((project) => project.id);
const acmeProjects = () =>
	server.state.projects.filter(
		(project) => project.organizationId === server.state.organizations[0].id,
	);

describe('listing', () => {
	test('the first page holds 20 active projects, oldest first, Default project first', async () => {
		const { body } = await acme('GET', '');
		expect(body.data).toHaveLength(20);
		expect(body.data[0].id).toBe(DEFAULT_PROJECT_ACME);
		const created = body.data.map((project: { created_at: number }) => project.created_at);
		expect(created).toEqual([...created].sort((a, b) => a - b));
		expect(body.data.every((project: { status: string }) => project.status === 'active')).toBe(
			true,
		);
		expect(body).toEqual(
			expect.objectContaining({
				object: 'list',
				first_id: body.data[0].id,
				last_id: body.data[19].id,
				has_more: true,
			}),
		);
	});

	test('following after/last_id visits every active project exactly once', async () => {
		const seen: string[] = [];
		let after: string | undefined;
		for (let page = 0; page < 10; page++) {
			const query: Record<string, string> = { limit: '7', ...(after ? { after } : {}) };
			expect(validateRequest('GET', '/organization/projects', query, undefined)).toEqual([]);
			const { body } = await acme('GET', '', { query });
			seen.push(...ids(body));
			if (!body.has_more) break;
			after = body.last_id;
		}
		const active = acmeProjects()
			.filter((project) => project.archivedAt === null)
			.map((project) => project.id);
		expect(seen).toEqual(active);
		expect(new Set(seen).size).toBe(seen.length);
	});

	test('include_archived=true lists archived projects too', async () => {
		const { body } = await acme('GET', '', { query: { limit: '100', include_archived: 'true' } });
		expect(ids(body)).toEqual(acmeProjects().map((project) => project.id));
		expect(body.data.some((project: { status: string }) => project.status === 'archived')).toBe(
			true,
		);
		expect(body.has_more).toBe(false);
	});

	test('a cursor that names an archived project still continues after it', async () => {
		const archived = acmeProjects().find((project) => project.archivedAt !== null)!;
		const { body } = await acme('GET', '', { query: { after: archived.id, limit: '100' } });
		const expected = acmeProjects()
			.slice(acmeProjects().indexOf(archived) + 1)
			.filter((project) => project.archivedAt === null)
			.map((project) => project.id);
		expect(ids(body)).toEqual(expected);
	});

	test.each(['0', '101', 'ten'])(
		'limit=%s is refused with 400 invalid_request_error',
		async (limit) => {
			const result = await acme('GET', '', { query: { limit } });
			expect(result.status).toBe(400);
			expect(result.body.error).toEqual(
				expect.objectContaining({ type: 'invalid_request_error', param: 'limit' }),
			);
		},
	);

	test('limit=100 is the largest page', async () => {
		expect((await acme('GET', '', { query: { limit: '100' } })).body.data.length).toBeGreaterThan(
			20,
		);
	});

	test('an unknown after cursor is a 400', async () => {
		expectError(
			await acme('GET', '', { query: { after: 'proj_doesnotexist' } }),
			400,
			'invalid_value',
			/after/,
		);
	});

	test('an empty page answers null first_id and last_id', async () => {
		const last = acmeProjects()[acmeProjects().length - 1];
		const { body } = await acme('GET', '', { query: { after: last.id, include_archived: 'true' } });
		expect(body).toEqual({
			object: 'list',
			data: [],
			first_id: null,
			last_id: null,
			has_more: false,
		});
	});

	test('each admin key sees only its own organization', async () => {
		const { body } = await call(server, 'GET', '/organization/projects', {
			key: ADMIN_KEY_GLOBEX,
			query: { include_archived: 'true' },
		});
		expect(ids(body)).toEqual([
			DEFAULT_PROJECT_GLOBEX,
			PROJECT_GLOBEX_RESEARCH,
			PROJECT_GLOBEX_ARCHIVED,
			PROJECT_GLOBEX_SUPPORT,
		]);
	});
});

describe('retrieving', () => {
	test('a project is found by id', async () => {
		const { body } = await acme('GET', `/${DEFAULT_PROJECT_ACME}`);
		expect(body).toEqual(
			expect.objectContaining({
				id: DEFAULT_PROJECT_ACME,
				object: 'organization.project',
				name: 'Default project',
				status: 'active',
				archived_at: null,
			}),
		);
	});

	test('an unknown id is a 404 with an error body', async () => {
		expectError(
			await acme('GET', '/proj_unknown'),
			404,
			'not_found',
			"No project found with id 'proj_unknown'.",
		);
	});

	test("another organization's project is a 404 too", async () => {
		expectError(await acme('GET', `/${PROJECT_GLOBEX_RESEARCH}`), 404, 'not_found');
	});
});

describe('creating', () => {
	test('a created project is active, trimmed, dated now and listed last', async () => {
		const body = {
			name: '  Launch Assistant  ',
			external_key_id: 'key_123',
			residency: 'EU_STORAGE_PROCESSING',
		};
		expect(validateRequest('POST', '/organization/projects', {}, body)).toEqual([]);
		const created = await acme('POST', '', { body });
		expect(created.body).toEqual(
			expect.objectContaining({
				object: 'organization.project',
				name: 'Launch Assistant',
				created_at: NOW / 1000,
				status: 'active',
				archived_at: null,
				external_key_id: 'key_123',
				residency: 'EU_STORAGE_PROCESSING',
			}),
		);
		expect(created.body.id).toMatch(/^proj_[A-Za-z0-9]{24}$/);
		const { body: list } = await acme('GET', '', {
			query: { limit: '100', include_archived: 'true' },
		});
		expect(list.last_id).toBe(created.body.id);
	});

	test('a project created after the list was read is in the next read (the kept order is rebuilt)', async () => {
		const before = await acme('GET', '', { query: { limit: '100', include_archived: 'true' } });
		const created = await acme('POST', '', { body: { name: 'Late Arrival' } });
		const after = await acme('GET', '', { query: { limit: '100', include_archived: 'true' } });
		expect(after.body.data.map((project: { id: string }) => project.id)).toEqual([
			...before.body.data.map((project: { id: string }) => project.id),
			created.body.id,
		]);
		expect((await acme('GET', '', { query: { limit: '1', after: created.body.id } })).body.data).toEqual([]);
	});

	test('names may repeat', async () => {
		const first = await acme('POST', '', { body: { name: 'Twin' } });
		const second = await acme('POST', '', { body: { name: 'Twin' } });
		expect(first.body.id).not.toBe(second.body.id);
	});

	test('a missing name is a 400 on param name', async () => {
		expectError(
			await acme('POST', '', { body: {} }),
			400,
			'missing_required_parameter',
			"Missing required parameter: 'name'.",
		);
	});

	test('a blank name is a 400 and creates nothing', async () => {
		const before = server.state.projects.length;
		expectError(await acme('POST', '', { body: { name: '   ' } }), 400, 'invalid_value');
		expect(server.state.projects).toHaveLength(before);
	});

	test('a residency outside the contract is a 400', async () => {
		expectError(
			await acme('POST', '', { body: { name: 'x', residency: 'MOON' } }),
			400,
			'invalid_value',
		);
	});
});

describe('modifying', () => {
	test('a project can be renamed', async () => {
		const target = acmeProjects().find(
			(project) => !project.isDefault && project.archivedAt === null,
		)!;
		const { body } = await acme('POST', `/${target.id}`, { body: { name: 'Renamed' } });
		expect(body.name).toBe('Renamed');
		expect(target.name).toBe('Renamed');
	});

	test('the Default project cannot be renamed', async () => {
		expectError(
			await acme('POST', `/${DEFAULT_PROJECT_ACME}`, { body: { name: 'x' } }),
			400,
			null,
			'Cannot update the default project.',
		);
	});

	test('an archived project cannot be renamed (project_archived)', async () => {
		const result = await call(server, 'POST', `/organization/projects/${PROJECT_GLOBEX_ARCHIVED}`, {
			key: ADMIN_KEY_GLOBEX,
			body: { name: 'x' },
		});
		expectError(
			result,
			400,
			'project_archived',
			`Project '${PROJECT_GLOBEX_ARCHIVED}' is archived. You can only update an active project.`,
		);
	});

	test('an empty name is refused', async () => {
		expectError(
			await call(server, 'POST', `/organization/projects/${PROJECT_GLOBEX_RESEARCH}`, {
				key: ADMIN_KEY_GLOBEX,
				body: { name: '' },
			}),
			400,
			'invalid_value',
		);
	});

	test('an unknown project is a 404', async () => {
		expectError(await acme('POST', '/proj_unknown', { body: { name: 'x' } }), 404, 'not_found');
	});
});

describe('archiving', () => {
	test('archiving sets status and archived_at and hides the project from the default list', async () => {
		const { body } = await call(
			server,
			'POST',
			`/organization/projects/${PROJECT_GLOBEX_SUPPORT}/archive`,
			{ key: ADMIN_KEY_GLOBEX },
		);
		expect(body).toEqual(
			expect.objectContaining({
				id: PROJECT_GLOBEX_SUPPORT,
				status: 'archived',
				archived_at: NOW / 1000,
			}),
		);
		const list = await call(server, 'GET', '/organization/projects', { key: ADMIN_KEY_GLOBEX });
		expect(ids(list.body)).toEqual([DEFAULT_PROJECT_GLOBEX, PROJECT_GLOBEX_RESEARCH]);
	});

	test('the Default project cannot be archived', async () => {
		expectError(
			await acme('POST', `/${DEFAULT_PROJECT_ACME}/archive`),
			400,
			null,
			'Cannot archive the default project.',
		);
	});

	test('archiving twice answers project_archived', async () => {
		const result = await call(
			server,
			'POST',
			`/organization/projects/${PROJECT_GLOBEX_ARCHIVED}/archive`,
			{ key: ADMIN_KEY_GLOBEX },
		);
		expectError(result, 400, 'project_archived');
	});

	test('an unknown project is a 404', async () => {
		expectError(await acme('POST', '/proj_unknown/archive'), 404, 'not_found');
	});
});
