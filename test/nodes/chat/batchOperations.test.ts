import { ORG_GLOBEX, PROJECT_GLOBEX_RESEARCH, USER_KEY_MULTI } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { call } from '../../openai-server/__tests__/client';
import { expectNoFullKeyIn, NODE_NAME, runChat, serveTestServer } from './support';

let server: OpenAiTestServer;
serveTestServer({}, (started) => (server = started));

const credential = { apiKey: USER_KEY_MULTI, organizationId: ORG_GLOBEX, projectId: PROJECT_GLOBEX_RESEARCH };
const questions = (count: number) => Array.from({ length: count }, (_, n) => ({ n }));
const asking = { messages: { values: [{ role: 'user', content: '={{ "question " + $json.n }}' }] } };
const itemsOf = (result: Awaited<ReturnType<typeof runChat>>) => result.nodes[NODE_NAME].items;
const sent = (method: string, path: RegExp) => server.requests.filter((request) => request.method === method && path.test(request.path));
const cancelRequests = () => sent('POST', /^\/v1\/batches\/[^/]+\/cancel$/);
const stateOf = (id: string) => server.state.batches.find((batch) => batch.id === id);

/** Batch > Create without waiting, through the node: the batch's ID. */
async function submitBatch(count = 3): Promise<string> {
	const result = await runChat(server, { credential, inputItems: questions(count), parameters: { resource: 'batch', operation: 'submit', ...asking } });
	return String(itemsOf(result)[0].batchId);
}

const batchOperation = (operation: string, parameters: Record<string, unknown> = {}, inputItems?: Array<Record<string, unknown>>) =>
	runChat(server, { credential, inputItems, parameters: { resource: 'batch', operation, ...parameters } });

/** Looks at a batch as OpenAI would, which moves it on along the batch clock. */
async function look(id: string): Promise<string> {
	const answer = await call(server, 'GET', `/batches/${id}`, { key: USER_KEY_MULTI, organization: ORG_GLOBEX, project: PROJECT_GLOBEX_RESEARCH });
	return String(answer.body.status);
}

/** A running batch (validating done, running for an hour), already looked at so that it reads in_progress. */
async function runningBatch(): Promise<string> {
	server.state.batchRules.inProgressSeconds = 3600;
	const id = await submitBatch();
	expect(await look(id)).toBe('in_progress');
	return id;
}

describe('Batch > Get Many', () => {
	/** `count` batches in the project, the first through the node, the others on its input file. */
	async function manyBatches(count: number): Promise<string[]> {
		const first = await submitBatch(2);
		const inputFileId = stateOf(first)?.inputFileId;
		for (let n = 1; n < count; n++) {
			await call(server, 'POST', '/batches', {
				key: USER_KEY_MULTI,
				organization: ORG_GLOBEX,
				project: PROJECT_GLOBEX_RESEARCH,
				body: { input_file_id: inputFileId, endpoint: '/v1/chat/completions', completion_window: '24h' },
			});
		}
		server.clearRequests();
		// Newest first, as OpenAI lists them.
		return server.state.batches.map((batch) => batch.id).reverse();
	}
	const listRequests = () => sent('GET', /^\/v1\/batches$/);

	test('Return All reads every page with after (100 a page), one readable item per batch, newest first', async () => {
		const ids = await manyBatches(205);
		const result = await batchOperation('getAll', { returnAll: true });

		const items = itemsOf(result);
		expect(items.map((item) => item.batchId)).toEqual(ids);
		expect(Object.keys(items[0]).slice(0, 3)).toEqual(['status', 'message', 'batchId']);
		expect(items[0]).toMatchObject({
			status: 'completed',
			message: 'Completed: 2 of 2 requests done. Batch > Get puts out its answers',
			batchId: ids[0],
			id: ids[0],
			endpoint: '/v1/chat/completions',
			createdAtIso: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
		});
		expect(listRequests().map((request) => request.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', after: ids[99] },
			{ limit: '100', after: ids[199] },
		]);
		expectNoFullKeyIn(result, server.requests);
	});

	test('a Limit reads one page of that size', async () => {
		const ids = await manyBatches(5);
		const result = await batchOperation('getAll', { limit: 3 });
		expect(itemsOf(result).map((item) => item.batchId)).toEqual(ids.slice(0, 3));
		expect(listRequests().map((request) => request.query)).toEqual([{ limit: '3' }]);
	});

	test('runs per item under the organization and project of each item, paired with it', async () => {
		await manyBatches(2);
		const result = await runChat(server, {
			credential: { apiKey: USER_KEY_MULTI, organizationId: ORG_GLOBEX },
			inputItems: [{ project: PROJECT_GLOBEX_RESEARCH }, { project: PROJECT_GLOBEX_RESEARCH }],
			parameters: { resource: 'batch', operation: 'getAll', returnAll: true, projectId: '={{ $json.project }}' },
		});
		expect(result.nodes[NODE_NAME].outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
		expect(listRequests().map((request) => request.headers['openai-project'])).toEqual([PROJECT_GLOBEX_RESEARCH, PROJECT_GLOBEX_RESEARCH]);
	});
});

describe('Batch > Cancel', () => {
	test('a Dry Run only plans it: the plan names the batch and why, and nothing changes on the server', async () => {
		const id = await runningBatch();
		server.clearRequests();

		const plan = await batchOperation('cancel', { batchId: id, dryRun: true, reason: 'wrong prompt' });
		expect(itemsOf(plan)).toEqual([
			expect.objectContaining({
				status: 'in_progress',
				batchId: id,
				dryRun: true,
				wouldCancel: true,
				plan: `Would cancel in_progress batch ${id} (/v1/chat/completions, 0 of 3 requests done): wrong prompt`,
			}),
		]);
		expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`GET /v1/batches/${id}`]);
		expect(stateOf(id)?.status).toBe('in_progress');
	});

	test('live: the batch is cancelling, then cancelled; a second cancel finds it done and sends nothing', async () => {
		server.state.batchRules.cancellingSeconds = 600;
		const id = await runningBatch();

		const cancelled = itemsOf(await batchOperation('cancel', { batchId: id }));
		expect(cancelled).toEqual([expect.objectContaining({ status: 'cancelling', batchId: id, message: expect.stringMatching(/^Cancelling: OpenAI stops it/) })]);
		expect(cancelRequests().map((request) => request.path)).toEqual([`/v1/batches/${id}/cancel`]);
		expect(stateOf(id)?.status).toBe('cancelling');

		const again = itemsOf(await batchOperation('cancel', { batchId: id }))[0];
		expect(again).toMatchObject({ status: 'cancelling', message: 'the batch was already cancelled (OpenAI is still stopping it)' });

		server.state.batchRules.clockOffsetSeconds += 600;
		const later = itemsOf(await batchOperation('cancel', { batchId: id }))[0];
		expect(later).toMatchObject({ status: 'cancelled', message: 'the batch was already cancelled' });
		const plan = itemsOf(await batchOperation('cancel', { batchId: id, dryRun: true }))[0];
		expect(plan).toMatchObject({ wouldCancel: false, plan: 'Nothing to cancel: the batch was already cancelled' });
		expect(cancelRequests()).toHaveLength(1);
	});

	test('a batch that already ended is refused in the check: no item of the run is cancelled', async () => {
		const finished = await submitBatch();
		expect(await look(finished)).toBe('completed');
		const running = await runningBatch();
		server.clearRequests();

		const refused = await batchOperation('cancel', { batchId: '={{ $json.id }}' }, [{ id: running }, { id: finished }]);
		expect(refused.error?.message).toBe(`Batch ${finished} is already completed, so it cannot be cancelled`);
		expect(refused.error?.description).toMatch(/Nothing was cancelled\.$/);
		expect(cancelRequests()).toEqual([]);
		expect(sent('GET', /^\/v1\/batches\//)).toHaveLength(2);
		expect(stateOf(running)?.status).toBe('in_progress');
	});

	test.each(['failed', 'expired'] as const)('a %s batch is refused before any cancel request', async (outcome) => {
		server.state.batchRules.outcome = outcome;
		const ended = await submitBatch();
		expect(await look(ended)).toBe(outcome);
		const refused = await batchOperation('cancel', { batchId: ended });
		expect(refused.error?.message).toBe(`Batch ${ended} is already ${outcome}, so it cannot be cancelled`);
		expect(cancelRequests()).toEqual([]);
	});

	test('more items than Max Batches per Run are refused before any request', async () => {
		const ids = [await runningBatch(), await runningBatch(), await runningBatch()];
		server.clearRequests();

		const refused = await batchOperation('cancel', { batchId: '={{ $json.id }}', maxPerRun: 2 }, ids.map((id) => ({ id })));
		expect(refused.error?.message).toBe('3 items would cancel 3 batches, more than "Max Batches per Run" (2); nothing was cancelled');
		expect(server.requests).toEqual([]);
		expect(ids.map((id) => stateOf(id)?.status)).toEqual(['in_progress', 'in_progress', 'in_progress']);
	});

	test('an unknown batch is a 404 naming it, not "done"; a malformed ID is refused before any request', async () => {
		const unknown = await batchOperation('cancel', { batchId: 'batch_0000unknown' });
		expect(unknown.error?.message).toMatch(/batch_0000unknown/);
		expect(unknown.error?.httpCode).toBe('404');
		expect(cancelRequests()).toEqual([]);

		server.clearRequests();
		const malformed = await batchOperation('cancel', { batchId: 'resp_123' });
		expect(malformed.error?.message).toBe('"Batch ID" must look like batch_…, not "resp_123"');
		expect(server.requests).toEqual([]);
	});
});
