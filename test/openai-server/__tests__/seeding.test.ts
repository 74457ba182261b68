/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	DEFAULT_PROJECT_ACME,
	DEFAULT_PROJECT_GLOBEX,
	ORG_ACME,
	ORG_GLOBEX,
	ORG_UNKNOWN,
	PROJECT_GLOBEX_ARCHIVED,
	startOpenAiTestServer,
	ADMIN_KEY_ACME,
	ADMIN_KEY_GLOBEX,
	PROJECT_KEY_ACME,
	USER_KEY_MULTI,
	USER_KEY_ACME_ONLY,
	USER_KEY_NO_ORG,
	BAD_KEY,
	fingerprint,
	type OpenAiTestServer,
	type TestServerOptions,
} from '..';
import { call } from './client';

const NOW = Date.UTC(2026, 10, 1, 12);
const TWO_YEARS = 730 * 86_400;

async function withServer<T>(
	options: TestServerOptions,
	use: (server: OpenAiTestServer) => Promise<T>,
): Promise<T> {
	const server = await startOpenAiTestServer({ now: () => NOW, ...options });
	try {
		return await use(server);
	} finally {
		await server.close();
	}
}

const acmeProjects = (server: OpenAiTestServer) =>
	server.state.projects.filter((project) => project.organizationId === ORG_ACME);

test('the fixtures have the documented shapes', () => {
	for (const org of [ORG_ACME, ORG_GLOBEX, ORG_UNKNOWN])
		expect(org).toMatch(/^org-[A-Za-z0-9]{22}$/);
	expect(ADMIN_KEY_ACME).toMatch(/^sk-admin-[A-Za-z0-9]{48}$/);
	expect(ADMIN_KEY_GLOBEX).toMatch(/^sk-admin-[A-Za-z0-9]{48}$/);
	expect(PROJECT_KEY_ACME).toMatch(/^sk-proj-[A-Za-z0-9]{48}$/);
	for (const key of [USER_KEY_MULTI, USER_KEY_ACME_ONLY, USER_KEY_NO_ORG, BAD_KEY])
		expect(key).toMatch(/^sk-[A-Za-z0-9]{48}$/);
	expect(fingerprint('sk-anything-wxyz')).toBe('sk-...wxyz');
});

test('by default ORG_ACME holds only its Default project and ORG_GLOBEX its Default project and 3 more', () =>
	withServer({}, async (server) => {
		expect(acmeProjects(server).map((project) => project.id)).toEqual([DEFAULT_PROJECT_ACME]);
		const globex = server.state.projects.filter((project) => project.organizationId === ORG_GLOBEX);
		expect(globex).toHaveLength(4);
		expect(globex.filter((project) => project.isDefault).map((project) => project.id)).toEqual([
			DEFAULT_PROJECT_GLOBEX,
		]);
		expect(
			globex.find((project) => project.id === PROJECT_GLOBEX_ARCHIVED)?.archivedAt,
		).not.toBeNull();
		expect(server.state.organizations.map((org) => org.name)).toEqual([
			'Acme Corp',
			'Globex Corporation',
		]);
	}));

test('a project count seeds that many realistic projects over the last two years', () =>
	withServer({ projects: 200 }, async (server) => {
		const seeded = acmeProjects(server).filter((project) => !project.isDefault);
		expect(seeded).toHaveLength(200);
		for (const project of seeded) {
			expect(project.id).toMatch(/^proj_[A-Za-z0-9]{24}$/);
			expect(project.name).toMatch(/^[A-Z][\w&-]*( [\w&().-]+)+$/);
			expect(project.createdAt).toBeGreaterThanOrEqual(NOW / 1000 - TWO_YEARS);
			expect(project.createdAt).toBeLessThan(NOW / 1000);
		}
		expect(new Set(seeded.map((project) => project.id)).size).toBe(200);
		const archived = seeded.filter((project) => project.archivedAt !== null);
		expect(archived.length).toBeGreaterThan(5);
		expect(archived.length).toBeLessThan(60);
	}));

test('the same seed gives the same projects, another seed other ones', async () => {
	const describeProjects = (options: TestServerOptions) =>
		withServer({ projects: 20, ...options }, async (server) =>
			JSON.stringify(acmeProjects(server)),
		);
	expect(await describeProjects({ seed: 7 })).toBe(await describeProjects({ seed: 7 }));
	expect(await describeProjects({ seed: 7 })).not.toBe(await describeProjects({ seed: 8 }));
});

test('the same seed gives the same costs', async () => {
	const readCosts = (seed: number) =>
		withServer({ projects: 5, seed }, async (server) => {
			const query = { start_time: String(NOW / 1000 - 5 * 86_400), 'group_by[]': 'project_id' };
			return (await call(server, 'GET', '/organization/costs', { key: ADMIN_KEY_ACME, query }))
				.body;
		});
	expect(await readCosts(3)).toEqual(await readCosts(3));
	expect(await readCosts(3)).not.toEqual(await readCosts(4));
});

test('projects can be seeded from a JSON array, as a file of API projects would hold them', () =>
	withServer(
		{
			projects: [
				{ id: 'proj_seededAAAAAAAAAAAAAAAAAAA', name: 'Seeded One', created_at: 1_700_000_000 },
				{ name: 'Seeded Archived', created_at: 1_690_000_000, status: 'archived' },
				{ name: 'Seeded External', external_key_id: 'ext_1' },
			],
		},
		async (server) => {
			const seeded = acmeProjects(server).filter((project) => !project.isDefault);
			expect(seeded.map((project) => project.name)).toEqual(
				expect.arrayContaining(['Seeded One', 'Seeded Archived', 'Seeded External']),
			);
			expect(seeded.find((project) => project.name === 'Seeded One')).toEqual(
				expect.objectContaining({
					id: 'proj_seededAAAAAAAAAAAAAAAAAAA',
					createdAt: 1_700_000_000,
					archivedAt: null,
				}),
			);
			expect(
				seeded.find((project) => project.name === 'Seeded Archived')?.archivedAt,
			).toBeGreaterThan(1_690_000_000);
			expect(seeded.find((project) => project.name === 'Seeded External')?.externalKeyId).toBe(
				'ext_1',
			);
			const { body } = await call(server, 'GET', '/organization/projects', { key: ADMIN_KEY_ACME });
			// Listed by created_at: an explicit date may predate the Default project.
			expect(body.data.map((project: { name: string }) => project.name)).toEqual([
				'Seeded One',
				'Default project',
				'Seeded External',
			]);
		},
	));

test('a seed project without a name is refused when the server starts', async () => {
	await expect(startOpenAiTestServer({ projects: [{ name: ' ' }] })).rejects.toThrow(
		'Seed project #0 needs a non-empty name',
	);
});

test('the server listens on 127.0.0.1 on a random port and its url ends in /v1', () =>
	withServer({}, async (server) => {
		expect(server.port).toBeGreaterThan(0);
		expect(server.url).toBe(`http://127.0.0.1:${server.port}/v1`);
	}));
