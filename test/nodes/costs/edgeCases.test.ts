/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in Node, never inside n8n; the stub server needs node:http */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ORG_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { nodeResult, runNode } from '../workflowHelpers';
import { PROJECTS_PATH, admin, fixNodeClock, requestsTo, runReport } from './support';
import { serveTestServer } from '../testServer';

const KNOWN = { id: 'proj_Known1', object: 'organization.project', name: 'Known', created_at: 1, archived_at: null, status: 'active' };
const BUCKET = { object: 'bucket', start_time: 1773619200, end_time: 1773705600 };

/** Answers what the test server cannot be made to answer: a project the list lacks, a page that never ends. */
async function startStubServer(costsPage: (pageCursor: string | null) => unknown) {
	const paths: string[] = [];
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		paths.push(url.pathname);
		const body =
			url.pathname === '/v1/organization/projects'
				? { object: 'list', data: [KNOWN], first_id: KNOWN.id, last_id: KNOWN.id, has_more: false }
				: costsPage(url.searchParams.get('page'));
		response.writeHead(200, { 'content-type': 'application/json' });
		response.end(JSON.stringify(body));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const url = `http://127.0.0.1:${port}/v1`;
	return {
		// The workflow helpers only read the base URL of the server they are given.
		asServer: { url } as OpenAiTestServer,
		paths,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

function costResult(projectId: string, value: number) {
	return { object: 'organization.costs.result', amount: { value, currency: 'usd' }, project_id: projectId, line_item: null };
}

describe('Cost reports against answers the test server never gives', () => {
	fixNodeClock();

	it('gives projectName null for a project that is not in the project list', async () => {
		const stub = await startStubServer(() => ({
			object: 'page',
			data: [{ ...BUCKET, results: [costResult(KNOWN.id, 1.5), costResult('proj_Gone1', 0.25)] }],
			has_more: false,
			next_page: null,
		}));
		try {
			const items = await runReport(stub.asServer, {
				resource: 'cost',
				operation: 'getAll',
				timeRange: 'yesterday',
			});
			expect(items.map((item) => [item.projectId, item.projectName, item.amount])).toEqual([
				['proj_Known1', 'Known', 1.5],
				['proj_Gone1', null, 0.25],
			]);
		} finally {
			await stub.close();
		}
	});

	it('stops with a clear error when OpenAI keeps answering the same next page', async () => {
		const stub = await startStubServer(() => ({
			object: 'page',
			data: [{ ...BUCKET, results: [costResult(KNOWN.id, 1)] }],
			has_more: true,
			next_page: 'page_same',
		}));
		try {
			const result = await runNode(stub.asServer, {
				parameters: { resource: 'cost', operation: 'getAll', timeRange: 'last7Days' },
				credential: admin,
			});
			const error = nodeResult(result).error;
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toBe('OpenAI kept returning the same page, so the report was stopped');
			// The first page, then page_same once; the repeat is caught before a third request.
			expect(stub.paths.filter((path) => path === '/v1/organization/costs')).toHaveLength(2);
		} finally {
			await stub.close();
		}
	});

	it('stops with a plain error when OpenAI says there is more but gives no next page', async () => {
		const stub = await startStubServer(() => ({ object: 'page', data: [], has_more: true, next_page: null }));
		try {
			const result = await runNode(stub.asServer, {
				parameters: { resource: 'usage', operation: 'getAll', timeRange: 'yesterday' },
				credential: admin,
			});
			expect(nodeResult(result).error?.message).toBe(
				'OpenAI said there is more of the report but not where it continues, so it was stopped',
			);
			expect(nodeResult(result).error?.description).not.toContain('(nothing)');
		} finally {
			await stub.close();
		}
	});
});

describe('Cost reports in an organization with more projects than one list page', () => {
	let server: OpenAiTestServer;
	fixNodeClock();

	serveTestServer({ projects: 150, seed: 3, now: () => Date.UTC(2026, 2, 18, 15, 30) }, (started) => (server = started));

	it('reads every page of the project list, archived projects included, to name every project', async () => {
		const items = await runReport(server, { resource: 'cost', operation: 'getAll', timeRange: 'last7Days', summarizePerProject: true });

		expect(requestsTo(server, PROJECTS_PATH)).toHaveLength(2);
		// Not every project spends money: some only use free endpoints, some are idle. Those on the list's second
		// page that do must be named as well as the first page's.
		const secondPage = new Set(
			server.state.projects.filter((project) => project.organizationId === ORG_ACME).sort((a, b) => a.createdAt - b.createdAt).slice(100).map((project) => project.id),
		);
		expect(items.filter((item) => secondPage.has(String(item.projectId))).length).toBeGreaterThan(10);
		expect(items.length).toBeGreaterThan(80);
		for (const item of items) {
			expect(item.projectName).toBe(server.state.projects.find((project) => project.id === item.projectId)?.name);
		}
		const archivedIds = new Set(server.state.projects.filter((project) => project.archivedAt !== null).map((project) => project.id));
		expect(items.some((item) => archivedIds.has(String(item.projectId)))).toBe(true);
	});
});
