import { Settings } from 'luxon';

import { ADMIN_KEY_ACME, ORG_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { expectNoFullKeyIn, nodeResult, runNode } from '../workflowHelpers';
import { serveTestServer } from '../testServer';

const admin = { apiKey: ADMIN_KEY_ACME };
const LIST_PATH = '/v1/organization/projects';

describe('OpenAI Projects: Get Many', () => {
	let server: OpenAiTestServer;

	// 536 seeded projects (some of them archived) plus the Default project: 537 projects.
	serveTestServer({ projects: 536, seed: 7 }, (started) => (server = started));

	const listRequests = () => server.requests.filter((request) => request.path === LIST_PATH);

	it('returns all 537 projects from exactly 6 list requests of 100 that follow the cursor', async () => {
		const result = await runNode(server, {
			parameters: { resource: 'project', operation: 'getAll', returnAll: true, filters: { includeArchived: true } },
			credential: admin,
		});
		const items = nodeResult(result).items;
		expect(items).toHaveLength(537);
		expect(new Set(items.map((item) => item.id)).size).toBe(537);

		const requests = listRequests();
		expect(requests).toHaveLength(6);
		expect(requests.map((request) => request.query.limit)).toEqual(Array(6).fill('100'));
		expect(requests[0].query.after).toBeUndefined();
		for (let page = 1; page < 6; page++) {
			expect(requests[page].query.after).toBe(items[page * 100 - 1].id);
		}
		expectNoFullKeyIn(result);
	});

	it('gives each project as OpenAI returns it plus readable dates', async () => {
		const result = await runNode(server, {
			parameters: { resource: 'project', operation: 'getAll', returnAll: false, limit: 1 },
			credential: admin,
		});
		const [project] = nodeResult(result).items;
		const stored = server.state.projects.find((candidate) => candidate.id === project.id)!;
		expect(project).toEqual(
			expect.objectContaining({
				id: stored.id,
				object: 'organization.project',
				name: stored.name,
				created_at: stored.createdAt,
				archived_at: null,
				status: 'active',
				createdAtIso: new Date(stored.createdAt * 1000).toISOString(),
				archivedAtIso: null,
			}),
		);
	});

	it('stops as soon as the limit is reached, without reading another page', async () => {
		const fifty = await runNode(server, {
			parameters: { resource: 'project', operation: 'getAll', returnAll: false, limit: 50 },
			credential: admin,
		});
		expect(nodeResult(fifty).items).toHaveLength(50);
		expect(listRequests()).toHaveLength(1);

		server.clearRequests();
		const hundredFifty = await runNode(server, {
			parameters: { resource: 'project', operation: 'getAll', returnAll: false, limit: 150 },
			credential: admin,
		});
		expect(nodeResult(hundredFifty).items).toHaveLength(150);
		expect(listRequests()).toHaveLength(2);
	});

	it('filters by name (any case), creation dates and status, asking for archived projects only when needed', async () => {
		const acme = server.state.projects.filter((project) => project.organizationId === ORG_ACME);
		const cutoff = acme[Math.floor(acme.length / 2)].createdAt;
		const expected = acme.filter(
			(project) => project.archivedAt === null && project.name.toLowerCase().includes('bot') && project.createdAt < cutoff,
		);
		expect(expected.length).toBeGreaterThan(0);

		const result = await runNode(server, {
			parameters: {
				resource: 'project',
				operation: 'getAll',
				returnAll: true,
				filters: { nameContains: 'BOT', createdBefore: new Date(cutoff * 1000).toISOString() },
			},
			credential: admin,
		});
		expect(nodeResult(result).items.map((item) => item.id)).toEqual(expected.map((project) => project.id));
		expect(listRequests()[0].query.include_archived).toBeUndefined();
	});

	it('lists archived projects when the status filter asks for them', async () => {
		const victim = server.state.projects.find((project) => project.organizationId === ORG_ACME && !project.isDefault)!;
		await runNode(server, {
			parameters: { resource: 'project', operation: 'archive', projectId: { __rl: true, mode: 'id', value: victim.id } },
			credential: admin,
		});
		server.clearRequests();

		const result = await runNode(server, {
			parameters: { resource: 'project', operation: 'getAll', returnAll: true, filters: { status: 'archived' } },
			credential: admin,
		});
		const items = nodeResult(result).items;
		const archived = server.state.projects.filter((project) => project.organizationId === ORG_ACME && project.archivedAt !== null);
		expect(archived.length).toBeGreaterThan(1);
		expect(items.map((item) => item.id).sort()).toEqual(archived.map((project) => project.id).sort());
		expect(items.map((item) => item.id)).toContain(victim.id);
		expect(items.every((item) => item.status === 'archived' && typeof item.archivedAtIso === 'string')).toBe(true);
		expect(listRequests().every((request) => request.query.include_archived === 'true')).toBe(true);
	});

	it('keeps only projects created after a date', async () => {
		const acme = server.state.projects.filter((project) => project.organizationId === ORG_ACME && project.archivedAt === null);
		const newest = [...acme].sort((a, b) => b.createdAt - a.createdAt).slice(0, 3);
		const after = new Date((newest[2].createdAt - 1) * 1000).toISOString();
		const result = await runNode(server, {
			parameters: { resource: 'project', operation: 'getAll', returnAll: true, filters: { createdAfter: after } },
			credential: admin,
		});
		expect(new Set(nodeResult(result).items.map((item) => item.id))).toEqual(new Set(newest.map((project) => project.id)));
	});

	it('reads a date without a time zone as UTC, whatever zone n8n runs in', async () => {
		const acme = server.state.projects.filter((project) => project.organizationId === ORG_ACME && project.archivedAt === null);
		const [newest] = [...acme].sort((a, b) => b.createdAt - a.createdAt);
		// "2026-01-31T08:00:00": the editor's date picker gives no zone.
		const withoutZone = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 19);
		const defaultZone = Settings.defaultZone;
		Settings.defaultZone = 'Asia/Tokyo';
		try {
			const result = await runNode(server, {
				parameters: {
					resource: 'project',
					operation: 'getAll',
					returnAll: true,
					filters: { createdAfter: withoutZone(newest.createdAt - 1), createdBefore: withoutZone(newest.createdAt + 1) },
				},
				credential: admin,
			});
			expect(nodeResult(result).items.map((item) => item.id)).toEqual([newest.id]);
		} finally {
			Settings.defaultZone = defaultZone;
		}
	});

	it.each([
		[{ returnAll: false, limit: 0 }, '"Limit" must be a whole number of at least 1, not 0'],
		[{ returnAll: false, limit: -5 }, '"Limit" must be a whole number of at least 1, not -5'],
		[{ returnAll: false, limit: 2.5 }, '"Limit" must be a whole number of at least 1, not 2.5'],
		[{ returnAll: true, filters: { createdBefore: 'next tuesday' } }, '"Created Before" is not a date: "next tuesday"'],
		[
			{ returnAll: true, filters: { createdAfter: '2026-02-01T00:00:00Z', createdBefore: '2026-01-01T00:00:00Z' } },
			'"Created After" must be earlier than "Created Before"',
		],
		[{ returnAll: true, requestOptions: { maxRetries: 99 } }, '"Max Retries" must be a whole number from 0 to 10, not 99'],
	])('refuses %j before sending any request', async (parameters, message) => {
		const result = await runNode(server, {
			parameters: { resource: 'project', operation: 'getAll', ...parameters },
			credential: admin,
		});
		expect(result.error?.message).toBe(message);
		expect(server.requests).toHaveLength(0);
	});

	it('ends with a clear error instead of looping when the API repeats a cursor', async () => {
		server.faults.add({ kind: 'repeat_cursor', times: Infinity });
		const result = await runNode(server, {
			parameters: { resource: 'project', operation: 'getAll', returnAll: true },
			credential: admin,
		});
		expect(result.error?.message).toBe('OpenAI kept returning the same page, so the list was stopped');
		expect(result.error?.description).toContain('already read');
		expect(listRequests().length).toBeLessThanOrEqual(3);
	});
});
