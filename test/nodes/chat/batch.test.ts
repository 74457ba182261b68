import { ORG_GLOBEX, PROJECT_GLOBEX_RESEARCH, PROJECT_GLOBEX_SUPPORT, USER_KEY_MULTI } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { call } from '../../openai-server/__tests__/client';
import { expectNoFullKeyIn, model, NODE_NAME, runChat, serveTestServer } from './support';

let server: OpenAiTestServer;
serveTestServer({}, (started) => (server = started));

const credential = { apiKey: USER_KEY_MULTI, organizationId: ORG_GLOBEX, projectId: PROJECT_GLOBEX_RESEARCH };
const questions = (count: number, extra: (index: number) => Record<string, unknown> = () => ({})) =>
	Array.from({ length: count }, (_, index) => ({ n: index, ...extra(index) }));
const asking = { messages: { values: [{ role: 'user', content: '={{ "question " + $json.n }}' }] } };
const submit = (parameters: Record<string, unknown> = {}) => ({ resource: 'batch', operation: 'submit', ...asking, ...parameters });
const waiting = { waitForResults: true, pollIntervalSeconds: 0.1, waitTimeoutMinutes: 1 };

const batchRequests = (method: string, path: RegExp) =>
	server.requests.filter((request) => request.method === method && path.test(request.path));
const outputOf = (result: Awaited<ReturnType<typeof runChat>>) => result.nodes[NODE_NAME].outputs[0];

describe('Submit Batch with Wait for Results', () => {
	test('puts out every answer in input order, paired with its item, although the output file comes shuffled', async () => {
		const result = await runChat(server, { credential, inputItems: questions(12), parameters: submit(waiting) });

		expect(result.finished).toBe(true);
		expect(outputOf(result).map((item) => [item.json.content, item.pairedItem])).toEqual(
			questions(12).map(({ n }) => [`Echo (gpt-4o-mini): question ${n}`, { item: n }]),
		);
		expect(outputOf(result)[0].json).toMatchObject({ organizationId: ORG_GLOBEX, projectId: PROJECT_GLOBEX_RESEARCH, customId: 'n8n-item-0', batchId: expect.stringMatching(/^batch_/) });
		// One upload and one batch; the output file the node read was not in input order.
		expect(batchRequests('POST', /^\/v1\/files$/)).toHaveLength(1);
		expect(batchRequests('POST', /^\/v1\/batches$/)).toHaveLength(1);
		const outputFile = server.state.files.find((file) => file.id === server.state.batches[0].outputFileId);
		const order = outputFile?.content.trim().split('\n').map((line) => JSON.parse(line).custom_id);
		expect(order).toHaveLength(12);
		expect(order).not.toEqual(questions(12).map(({ n }) => `n8n-item-${n}`));
		// The input file holds one chat completion line per item.
		const input = server.state.files.find((file) => file.id === server.state.batches[0].inputFileId);
		expect(JSON.parse(input?.content.split('\n')[3] ?? '{}')).toEqual({
			custom_id: 'n8n-item-3',
			method: 'POST',
			url: '/v1/chat/completions',
			body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'question 3' }] },
		});
		expectNoFullKeyIn(result, server.requests);
	});

	test('with the Responses API the lines go to /v1/responses and the answers read as Complete puts them out', async () => {
		const result = await runChat(server, { credential, inputItems: questions(3), parameters: submit({ ...waiting, api: 'responses' }) });

		expect(result.finished).toBe(true);
		expect(server.state.batches.map((batch) => batch.endpoint)).toEqual(['/v1/responses']);
		expect(outputOf(result).map((item) => [item.json.content, item.json.itemIndex])).toEqual(
			[0, 1, 2].map((n) => [expect.stringContaining(`question ${n}`), n]),
		);
		expect(outputOf(result)[0].json.id).toMatch(/^resp_/);
	});

	test('polls with sleep while the batch validates and runs', async () => {
		Object.assign(server.state.batchRules, { validatingSeconds: 1, inProgressSeconds: 1 });
		const result = await runChat(server, { credential, inputItems: questions(3), parameters: submit(waiting) });

		expect(result.finished).toBe(true);
		expect(outputOf(result)).toHaveLength(3);
		expect(batchRequests('GET', /^\/v1\/batches\/batch_/).length).toBeGreaterThan(2);
	});

	test('under Continue On Fail a refused line is an error item in its place; the other items keep their answers', async () => {
		const result = await runChat(server, {
			credential,
			continueOnFail: true,
			inputItems: questions(5, (n) => ({ model: n === 2 ? 'gpt-nope' : 'gpt-4o-mini' })),
			parameters: { ...submit(waiting), model: model('={{ $json.model }}') },
		});

		expect(result.finished).toBe(true);
		const items = outputOf(result);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(items[2].json).toMatchObject({ error: expect.stringContaining('gpt-nope'), httpCode: '404', customId: 'n8n-item-2', itemIndex: 2 });
		expect(items.filter((item) => item.json.content)).toHaveLength(4);
	});

	test('without Continue On Fail a refused line stops the node, naming the item', async () => {
		const result = await runChat(server, {
			credential,
			inputItems: questions(4, (n) => ({ model: n === 1 ? 'gpt-nope' : 'gpt-4o-mini' })),
			parameters: { ...submit(waiting), model: model('={{ $json.model }}') },
		});

		expect(result.finished).toBe(false);
		expect(result.error?.message).toMatch(/Batch batch_\w+ completed: no answer for item 1$/);
	});

	test('an expired batch says so, keeps the answers it has and names the items that never ran', async () => {
		Object.assign(server.state.batchRules, { outcome: 'expired', expiredShare: 0.5 });
		const result = await runChat(server, { credential, continueOnFail: true, inputItems: questions(6), parameters: submit(waiting) });

		const items = outputOf(result);
		expect(items.slice(0, 3).map((item) => item.json.content)).toEqual([0, 1, 2].map((n) => `Echo (gpt-4o-mini): question ${n}`));
		for (const item of items.slice(3)) {
			expect(item.json.error).toBe('This item did not run: the batch expired (24 h window) before it ran');
			expect(item.json.description).toMatch(/ended as "expired"/);
		}

		server.reset();
		Object.assign(server.state.batchRules, { outcome: 'expired', expiredShare: 0.5 });
		const stopped = await runChat(server, { credential, inputItems: questions(6), parameters: submit(waiting) });
		expect(stopped.error?.message).toMatch(/expired \(3 of 6 items did not run or failed\): no answer for items 3, 4 and 5/);
	});

	test('a batch still running when the wait is over stops with its progress', async () => {
		server.state.batchRules.inProgressSeconds = 3600;
		const result = await runChat(server, {
			credential,
			inputItems: questions(2),
			parameters: submit({ ...waiting, waitTimeoutMinutes: 0 }),
		});
		expect(result.error?.message).toMatch(/^Batch batch_\w+ is still in progress$/);
	});
});

describe('Submit Batch without waiting, then Get Batch Results', () => {
	test('puts out one item per batch, which Get Batch Results turns into the answers in input order', async () => {
		const submitted = await runChat(server, { credential, inputItems: questions(4), parameters: submit() });
		const [summary] = outputOf(submitted);
		expect(summary.json).toMatchObject({ status: 'validating', requests: 4, items: 'items 0, 1, 2 and 3', organizationId: ORG_GLOBEX, projectId: PROJECT_GLOBEX_RESEARCH, alreadySubmitted: false });
		expect(summary.pairedItem).toEqual([0, 1, 2, 3].map((item) => ({ item })));

		const results = await runChat(server, {
			credential,
			inputItems: [summary.json],
			parameters: { resource: 'batch', operation: 'getResults', pollIntervalSeconds: 0.1 },
		});
		expect(outputOf(results).map((item) => item.json.content)).toEqual([0, 1, 2, 3].map((n) => `Echo (gpt-4o-mini): question ${n}`));
		expect(outputOf(results).map((item) => item.json.itemIndex)).toEqual([0, 1, 2, 3]);
	});

	test('a cancelled batch says so and names the items that did not run', async () => {
		server.state.batchRules.inProgressSeconds = 3600;
		const submitted = await runChat(server, { credential, inputItems: questions(3), parameters: submit() });
		const batchId = String(outputOf(submitted)[0].json.batchId);
		const cancel = await call(server, 'POST', `/batches/${batchId}/cancel`, { key: USER_KEY_MULTI, organization: ORG_GLOBEX, project: PROJECT_GLOBEX_RESEARCH });
		expect(['cancelling', 'cancelled']).toContain(cancel.body.status);

		const results = await runChat(server, {
			credential,
			continueOnFail: true,
			inputItems: [outputOf(submitted)[0].json],
			parameters: { resource: 'batch', operation: 'getResults', pollIntervalSeconds: 0.1 },
		});
		expect(outputOf(results).map((item) => item.json.error)).toEqual(
			Array(3).fill('This item did not run: the batch was cancelled before it ran'),
		);
		expect(outputOf(results).map((item) => item.json.itemIndex)).toEqual([0, 1, 2]);
	});

	test('a batch that failed validation is an error naming why', async () => {
		server.state.batchRules.outcome = 'failed';
		const submitted = await runChat(server, { credential, inputItems: questions(2), parameters: submit() });
		const results = await runChat(server, {
			credential,
			inputItems: [outputOf(submitted)[0].json],
			parameters: { resource: 'batch', operation: 'getResults', pollIntervalSeconds: 0.1 },
		});
		expect(results.error?.message).toMatch(/^Batch batch_\w+ failed before any request ran$/);
	});
});

describe('Submit Batch never submits twice and splits over the limits', () => {
	test('when the answer to the create is lost, the batch is found by its metadata instead of created again', async () => {
		server.faults.add({ kind: 'reset_after', method: 'POST', path: '/batches' });
		const result = await runChat(server, { credential, inputItems: questions(3), parameters: submit() });

		expect(result.finished).toBe(true);
		expect(server.state.batches).toHaveLength(1);
		expect(batchRequests('POST', /^\/v1\/batches$/)).toHaveLength(1);
		expect(outputOf(result)[0].json).toMatchObject({ batchId: server.state.batches[0].id, alreadySubmitted: true });
		expect(server.state.batches[0].metadata).toEqual({ n8n_submission: expect.stringMatching(/:0\.0:[0-9a-f]{16}$/) });
	});

	test('when the upload answer is lost, the uploaded file is found instead of uploaded again', async () => {
		server.faults.add({ kind: 'reset_after', method: 'POST', path: '/files' });
		const result = await runChat(server, { credential, inputItems: questions(2), parameters: submit() });

		expect(result.finished).toBe(true);
		expect(server.state.files.filter((file) => file.purpose === 'batch')).toHaveLength(1);
		expect(server.state.batches).toHaveLength(1);
	});

	test('more items than Max Requests per Batch, and items of two projects, go into several batches; answers stay in input order', async () => {
		const result = await runChat(server, {
			credential,
			inputItems: questions(9, (n) => ({ project: n % 3 === 2 ? PROJECT_GLOBEX_SUPPORT : PROJECT_GLOBEX_RESEARCH })),
			parameters: { ...submit(waiting), maxRequestsPerBatch: 4, projectId: '={{ $json.project }}' },
		});

		expect(result.finished).toBe(true);
		// Research: items 0,1,3,4,6,7 (4 + 2); Support: items 2,5,8.
		expect(server.state.batches.map((batch) => [batch.projectId, batch.total])).toEqual([
			[PROJECT_GLOBEX_RESEARCH, 4],
			[PROJECT_GLOBEX_RESEARCH, 2],
			[PROJECT_GLOBEX_SUPPORT, 3],
		]);
		expect(outputOf(result).map((item) => [item.json.content, item.json.projectId])).toEqual(
			questions(9).map(({ n }) => [`Echo (gpt-4o-mini): question ${n}`, n % 3 === 2 ? PROJECT_GLOBEX_SUPPORT : PROJECT_GLOBEX_RESEARCH]),
		);
		expect(server.state.chatCompletions.filter((completion) => completion.projectId === PROJECT_GLOBEX_SUPPORT)).toHaveLength(3);
	});

	test('a bad item stops the run before anything is uploaded', async () => {
		const result = await runChat(server, { credential, inputItems: questions(2), parameters: submit({ maxRequestsPerBatch: 0 }) });
		expect(result.error?.message).toMatch(/"Max Requests per Batch" must be a whole number from 1 to 50000/);
		expect(server.requests).toHaveLength(0);
	});
});
