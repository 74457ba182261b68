import { ADMIN_KEY_ACME, DEFAULT_PROJECT_ACME, PROJECT_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer, SeedProject } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { expectNoFullKeyIn, nodeResult, runNode } from '../workflowHelpers';
import { byId, changes } from './support';

const admin = { apiKey: ADMIN_KEY_ACME };
const DAY = 86_400;

// One project whose keys tell every story: used today, idle 120 days, never used (old), a service account's key idle.
const seeded: SeedProject[] = [
	{
		name: 'Key garden',
		created_at: Math.floor(Date.now() / 1000) - 400 * DAY,
		activity: {
			usage: ['completions'],
			lastUsedDaysAgo: 0,
			keys: [
				{ lastUsedDaysAgo: 0, name: 'fresh', serviceAccount: false },
				{ lastUsedDaysAgo: 120, name: 'idle', serviceAccount: false },
				{ lastUsedDaysAgo: null, name: 'never', serviceAccount: false },
				{ lastUsedDaysAgo: 200, name: 'robot', serviceAccount: true },
				{ lastUsedDaysAgo: 150, name: 'idle too', serviceAccount: false },
			],
		},
	},
	...Array.from({ length: 12 }, (_, index) => ({ name: `Team ${index}` })),
];

describe('OpenAI Projects: Project API Key', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: seeded, seed: 5 }, (started) => (server = started));

	const garden = () => server.state.projects.find((project) => project.name === 'Key garden')!;
	const run = async (parameters: Record<string, unknown>, options: { inputItems?: Array<Record<string, unknown>>; continueOnFail?: boolean } = {}) =>
		await runNode(server, { parameters: { resource: 'projectApiKey', ...parameters }, credential: admin, ...options });
	const names = (result: Awaited<ReturnType<typeof run>>) => nodeResult(result).items.map((item) => item.name);
	const leftOrganization = () => {
		const members = new Set(server.state.users.map((user) => user.id));
		return garden().activity.keys.filter((key) => key.owner.type === 'user' && !members.has(key.owner.id)).map((key) => key.name);
	};

	it('key items carry their project\'s name and lead with key name, project, owner and dates; OpenAI\'s fields follow unchanged', async () => {
		const result = await run({ operation: 'getAll', projectId: byId(garden().id), returnAll: true });
		const [fresh] = nodeResult(result).items;
		expect(Object.keys(fresh).slice(0, 6)).toEqual(['name', 'projectName', 'ownerName', 'ownerEmail', 'createdAtIso', 'lastUsedAtIso']);
		expect(fresh).toMatchObject({ name: 'fresh', projectName: 'Key garden', object: 'organization.project.api_key', projectId: garden().id });
		expect(typeof fresh.created_at).toBe('number');
		expect(typeof fresh.redacted_value).toBe('string');

		const one = await run({ operation: 'get', projectId: byId(garden().id), apiKeyId: byId(String(fresh.id)) });
		expect(nodeResult(one).items[0]).toMatchObject({ name: 'fresh', projectName: 'Key garden' });
	});

	it('Get Many lists every key with owner, created and last-used dates, asking for every owner', async () => {
		const result = await run({ operation: 'getAll', projectId: byId(garden().id), returnAll: true });
		expect(names(result)).toEqual(['fresh', 'idle', 'never', 'robot', 'idle too']);
		const [fresh] = nodeResult(result).items;
		expect(fresh).toEqual(
			expect.objectContaining({
				object: 'organization.project.api_key',
				projectId: garden().id,
				ownerType: 'user',
				ownerId: expect.stringMatching(/^user-/),
				createdAtIso: expect.stringMatching(/Z$/),
				lastUsedAtIso: expect.stringMatching(/Z$/),
				daysSinceLastUse: 0,
			}),
		);
		expect(nodeResult(result).items[2]).toEqual(expect.objectContaining({ last_used_at: null, lastUsedAtIso: null, daysSinceLastUse: null }));
		expect(server.requests[0].query).toEqual({ owner_project_access: 'any', limit: '100' });
		expectNoFullKeyIn(result);
	});

	it('filters: not used for 90 days (never-used old keys too), never used, owner type', async () => {
		const project = byId(garden().id);
		expect(names(await run({ operation: 'getAll', projectId: project, returnAll: true, filters: { unusedDays: 90 } }))).toEqual([
			'idle',
			'never',
			'robot',
			'idle too',
		]);
		expect(names(await run({ operation: 'getAll', projectId: project, returnAll: true, filters: { neverUsed: true } }))).toEqual(['never']);
		expect(
			names(await run({ operation: 'getAll', projectId: project, returnAll: true, filters: { unusedDays: 90, ownerType: 'user' } })),
		).toEqual(['idle', 'never', 'idle too']);
		expect(names(await run({ operation: 'getAll', projectId: project, limit: 1, filters: { ownerType: 'service_account' } }))).toEqual(['robot']);
	});

	it('filter: owner left the organization, joined with the organization\'s users read once for all items', async () => {
		expect(leftOrganization().length).toBeGreaterThan(0);
		const result = await run(
			{ operation: 'getAll', projectId: byId('={{ $json.id }}'), returnAll: true, filters: { ownerLeftOrganization: true } },
			{ inputItems: [{ id: garden().id }, { id: garden().id }] },
		);
		expect(names(result)).toEqual([...leftOrganization(), ...leftOrganization()]);
		expect(nodeResult(result).items.every((item) => item.ownerInOrganization === false)).toBe(true);
		expect(server.requests.filter((request) => request.path === '/v1/organization/users')).toHaveLength(1);
	});

	it('a version 1 node (OpenAI Organization API credential holding an Admin key) lists the same keys', async () => {
		const result = await runNode(server, {
			typeVersion: 1,
			parameters: { resource: 'projectApiKey', operation: 'getAll', projectId: byId(garden().id), returnAll: true },
			credential: admin,
		});
		expect(names(result)).toEqual(['fresh', 'idle', 'never', 'robot', 'idle too']);
	});

	it('Get reads one key by ID', async () => {
		const key = garden().activity.keys[1];
		const result = await run({ operation: 'get', projectId: byId(garden().id), apiKeyId: byId(key.id) });
		expect(nodeResult(result).items[0]).toEqual(expect.objectContaining({ id: key.id, name: 'idle', redacted_value: key.redactedValue }));
	});

	it('Get of a key that is not in the project: plain words and the fix', async () => {
		const result = await run({ operation: 'get', projectId: byId(garden().id), apiKeyId: byId('key_doesNotExist0001') });
		const error = nodeResult(result).error!;
		expect(error.message).toBe(`API key key_doesNotExist0001 in project ${garden().id} was not found in this organization`);
		expect(error.description).toContain('Check the ID (pick it from the list instead of typing it)');
		expect(error.description).toContain(`Request: GET /organization/projects/${garden().id}/api_keys/key_doesNotExist0001`);
	});

	it('bad input is refused before any request', async () => {
		for (const [parameters, message] of [
			[{ operation: 'getAll', projectId: byId(garden().id), filters: { unusedDays: 0 } }, '"Not Used for Days" must be a whole number'],
			[{ operation: 'getAll', projectId: byId(garden().id), filters: { ownerLeftOrganization: true, ownerType: 'service_account' } }, '"Owner Left Organization" finds user keys'],
			[{ operation: 'get', projectId: byId(garden().id), apiKeyId: byId('={{ "sk-proj-abc" }}') }, '"API Key" must be an API key ID'],
		] as Array<[Record<string, unknown>, string]>) {
			expect(nodeResult(await run(parameters)).error?.message).toContain(message);
		}
		expect(server.requests).toEqual([]);
	});

	describe('Delete', () => {
		const remove = { operation: 'delete', projectId: byId('={{ $json.projectId }}'), apiKeyId: byId('={{ $json.id }}') };

		it('revokes a user key, which stops authenticating at once', async () => {
			const keyId = server.state.projects[0].activity.keys[0].id;
			expect((await fetch(`${server.url}/models`, { headers: { authorization: `Bearer ${PROJECT_KEY_ACME}` } })).status).toBe(200);
			const result = await run(remove, { inputItems: [{ projectId: DEFAULT_PROJECT_ACME, id: keyId }] });
			expect(nodeResult(result).items[0]).toEqual(
				expect.objectContaining({ object: 'organization.project.api_key.deleted', id: keyId, deleted: true }),
			);
			expect(changes(server).map((request) => [request.method, request.path])).toEqual([
				['DELETE', `/v1/organization/projects/${DEFAULT_PROJECT_ACME}/api_keys/${keyId}`],
			]);
			expect((await fetch(`${server.url}/models`, { headers: { authorization: `Bearer ${PROJECT_KEY_ACME}` } })).status).toBe(401);
		});

		it('a service account\'s key in the last item stops the run before the first delete', async () => {
			const [fresh, , , robot] = garden().activity.keys;
			const result = await run(remove, { inputItems: [{ projectId: garden().id, id: fresh.id }, { projectId: garden().id, id: robot.id }] });
			expect(nodeResult(result).error?.message).toBe(
				`Key ${robot.id} belongs to service account ${robot.owner.id}, and OpenAI deletes such keys only with their account`,
			);
			expect(changes(server)).toEqual([]);
		});

		it('Dry Run (as in the example) lists what would be revoked and revokes nothing', async () => {
			const keys = garden().activity.keys.filter((key) => key.owner.type === 'user');
			const result = await run({ ...remove, dryRun: true }, { inputItems: keys.map((key) => ({ projectId: garden().id, id: key.id })) });
			expect(nodeResult(result).items.map((item) => [item.name, item.dryRun, item.wouldDelete])).toEqual(keys.map((key) => [key.name, true, true]));
			expect(changes(server)).toEqual([]);
		});

		it('a run of many keys checks them in the key list read once, not with a GET per key', async () => {
			const keys = server.state.projects.flatMap((project) =>
				project.activity.keys.filter((key) => key.owner.type === 'user').map((key) => ({ projectId: project.id, id: key.id })),
			);
			const ofGarden = keys.filter((key) => key.projectId === garden().id);
			const others = keys.filter((key) => key.projectId !== garden().id).slice(0, 10 - ofGarden.length);
			const items = [...ofGarden, ...others];
			expect(items.length).toBe(10);
			const result = await run({ ...remove, dryRun: true }, { inputItems: items });
			expect(nodeResult(result).items).toHaveLength(10);
			const reads = server.requests.filter((request) => request.method === 'GET');
			// One listing per project instead of a GET per key.
			expect(reads.filter((request) => request.path.endsWith('/api_keys'))).toHaveLength(new Set(items.map((item) => item.projectId)).size);
			expect(reads.filter((request) => /\/api_keys\/key_/.test(request.path))).toHaveLength(0);
		});

		it('with Continue On Fail a missing key is an error item in its place, the rest are revoked', async () => {
			const [fresh] = garden().activity.keys;
			const result = await run(remove, {
				continueOnFail: true,
				inputItems: [{ projectId: garden().id, id: 'key_doesNotExist0001' }, { projectId: garden().id, id: fresh.id }],
			});
			const outputs = nodeResult(result).outputs[0];
			expect(outputs.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(outputs[0].json.error).toBe(`API key key_doesNotExist0001 in project ${garden().id} was not found in this organization`);
			expect(outputs[1].json).toEqual(expect.objectContaining({ id: fresh.id, deleted: true }));
		});

		it('more items than Max Keys per Run stop the node before any request', async () => {
			const keys = garden().activity.keys.map((key) => ({ projectId: garden().id, id: key.id }));
			const result = await run({ ...remove, maxPerRun: 2 }, { inputItems: keys });
			expect(nodeResult(result).error?.message).toBe('5 items would delete 5 keys, more than "Max Keys per Run" (2); nothing was deleted');
			expect(server.requests).toEqual([]);
		});
	});
});
