import {
	CHAT_COMPLETIONS_PATH,
	countRequests,
	LIST_PROJECTS_PATH,
	startBenchServer,
} from '../../bench/benchServer';
import { spreadListFaults } from '../../bench/scenarios/faults';
import { staleRequestGoal, staleWorldProjects, STALE_WORLD } from '../../bench/staleWorld';
import { batchWithNode, chatWithNode, findStaleWithNode, listWithNode } from '../../bench/worker/nodeWorkflows';
import { chatWithPool, listWithFetch } from '../../bench/worker/plainClients';
import { startOpenAiTestServer } from '../openai-server';
import type { OpenAiTestServer } from '../openai-server';

// What `npm run bench` compares must be the same work on both sides: these check the counts, never the time.
describe('bench counts', () => {
	describe('a list of 1,050 projects', () => {
		let server: OpenAiTestServer;
		beforeAll(async () => {
			server = await startBenchServer({ projects: 1_050, latencyMs: 0 });
		});
		afterAll(async () => await server.close());
		beforeEach(() => {
			server.faults.clear();
			server.clearRequests();
		});

		it('takes the Projects node exactly 11 list requests and returns every project', async () => {
			const outcome = await listWithNode(server.url);

			expect(outcome).toEqual({ items: 1_050, failedItems: 0 });
			expect(countRequests(server, 'GET', LIST_PROJECTS_PATH)).toBe(11);
			expect(server.requests).toHaveLength(11);
		});

		it('takes the plain fetch loop the same 11 requests for the same 1,050 projects', async () => {
			const outcome = await listWithFetch(server.url);

			expect(outcome).toEqual({ items: 1_050, failedItems: 0 });
			expect(server.requests).toHaveLength(11);
			expect(server.requests.every((request) => request.query.limit === '100')).toBe(true);
		});

		it('returns every project under injected faults, with one extra request per fault', async () => {
			const rules = spreadListFaults(server, 11, 2, 0);

			const outcome = await listWithNode(server.url);

			expect(rules.map((rule) => rule.kind)).toEqual(['server_error', 'rate_limit']);
			expect(outcome).toEqual({ items: 1_050, failedItems: 0 });
			expect(server.requests.filter((request) => request.fault !== undefined)).toHaveLength(2);
			expect(countRequests(server, 'GET', LIST_PROJECTS_PATH)).toBe(11 + 2);
		});
	});

	describe('chat over 30 items', () => {
		let server: OpenAiTestServer;
		beforeAll(async () => {
			server = await startBenchServer({ latencyMs: 0 });
		});
		afterAll(async () => await server.close());
		beforeEach(() => server.clearRequests());

		it('sends exactly 30 completions from the chat node at 10 items at once', async () => {
			const outcome = await chatWithNode(server.url, 30, 10);

			expect(outcome).toEqual({ items: 30, failedItems: 0 });
			expect(countRequests(server, 'POST', CHAT_COMPLETIONS_PATH)).toBe(30);
			expect(server.requests).toHaveLength(30);
		});

		it('answers the same 30 items through one batch in six requests (list, upload, create, poll, two downloads) and no completion request', async () => {
			const outcome = await batchWithNode(server.url, 30);

			expect(outcome).toEqual({ items: 30, failedItems: 0 });
			expect(countRequests(server, 'POST', CHAT_COMPLETIONS_PATH)).toBe(0);
			expect(server.requests.map((request) => `${request.method} ${request.path.replace(/(batch_|file-)\w+/, '$1…')}`)).toEqual([
				'GET /v1/batches',
				'POST /v1/files',
				'POST /v1/batches',
				'GET /v1/batches/batch_…',
				'GET /v1/files/file-…/content',
				'GET /v1/files/file-…/content',
			]);
		});

		it('sends exactly 30 completions from the plain pool of 10', async () => {
			const outcome = await chatWithPool(server.url, 30, 10);

			expect(outcome).toEqual({ items: 30, failedItems: 0 });
			expect(countRequests(server, 'POST', CHAT_COMPLETIONS_PATH)).toBe(30);
		});
	});
});

describe('Find Stale over the issue world', () => {
	it('the bench worker finds the 50 idle projects in exactly the goal of requests', async () => {
		const server = await startOpenAiTestServer({
			projects: staleWorldProjects(Math.floor(Date.now() / 1000)),
			costsDays: STALE_WORLD.days + 30,
		});
		try {
			const outcome = await findStaleWithNode(server.url, STALE_WORLD.days);

			expect(outcome).toEqual({ items: 50, failedItems: 0 });
			expect(server.requests).toHaveLength(staleRequestGoal());
		} finally {
			await server.close();
		}
	});
});
