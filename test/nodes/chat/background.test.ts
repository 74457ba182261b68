import { PROJECT_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { NODE_NAME, expectNoFullKeyIn, runChat, serveTestServer, userMessage } from './support';

let server: OpenAiTestServer;
serveTestServer({}, (started) => (server = started));

const credential = { apiKey: PROJECT_KEY_ACME };
const sent = (method: string, path: RegExp) => server.requests.filter((request) => request.method === method && path.test(request.path));
const itemsOf = (result: Awaited<ReturnType<typeof runChat>>) => result.nodes[NODE_NAME].items;
const startInBackground = async (text: string) => {
	const result = await runChat(server, { credential, parameters: { api: 'responses', messages: userMessage(text), options: { background: true } } });
	return itemsOf(result)[0];
};
const response = (operation: string, responseId: string, parameters: Record<string, unknown> = {}) =>
	runChat(server, { credential, parameters: { resource: 'response', operation, responseId, ...parameters } });
const moveClock = (seconds: number) => (server.state.backgroundRules.clockOffsetSeconds += seconds);

describe('Chat > Complete with "Background" (Responses)', () => {
	test('puts out the id and "queued" at once; Response > Get reads queued, then in progress, then the answer', async () => {
		Object.assign(server.state.backgroundRules, { queuedSeconds: 10, inProgressSeconds: 60 });
		const started = await startInBackground('a long essay');

		expect(sent('POST', /^\/v1\/responses$/).map((request) => request.body)).toEqual([
			{ model: 'gpt-4o-mini', input: [{ role: 'user', content: 'a long essay' }], background: true },
		]);
		expect(Object.keys(started)[0]).toBe('status');
		expect(started).toMatchObject({ status: 'queued', id: expect.stringMatching(/^resp_/), background: true, model: 'gpt-4o-mini' });
		expect(started.message).toBe(`Queued at OpenAI in the background, not started yet: fetch it later with Response > Get and the ID ${String(started.id)}`);
		expect(started).not.toHaveProperty('content');
		const id = started.id as string;

		expect(itemsOf(await response('get', id))[0]).toMatchObject({ status: 'queued', message: expect.stringContaining('Response > Get') });
		moveClock(10);
		const running = itemsOf(await response('get', id))[0];
		expect(running).toMatchObject({ status: 'in_progress', message: expect.stringMatching(/^Running at OpenAI in the background, not finished yet/) });
		moveClock(60);
		const done = await response('get', id);
		const answer = itemsOf(done)[0];
		expect(Object.keys(answer).slice(0, 2)).toEqual(['status', 'content']);
		expect(answer).toMatchObject({ status: 'completed', content: 'Echo (gpt-4o-mini): a long essay', id, background: true, object: 'response' });
		expect(answer).not.toHaveProperty('message');
		expectNoFullKeyIn(done, server.requests);
	});

	test('Response > Get of a failed background response says why', async () => {
		server.state.backgroundRules.outcome = 'failed';
		const started = await startInBackground('doomed');
		const failed = itemsOf(await response('get', started.id as string))[0];
		expect(Object.keys(failed)[0]).toBe('status');
		expect(failed).toMatchObject({ status: 'failed', message: 'Failed at OpenAI: The model failed to generate a response. (server_error)' });
		expect(failed).not.toHaveProperty('content');
	});

	test('"Store" off with "Background" on is refused before any request, naming both options and the fix', async () => {
		const result = await runChat(server, {
			credential,
			parameters: { api: 'responses', messages: userMessage('hi'), options: { background: true, store: false } },
		});
		expect(result.error?.message).toBe('The option "Background" needs the option "Store" on');
		expect(result.error?.description).toMatch(/Turn "Store" on \(or remove it from the options\), or turn "Background" off\. Nothing was sent to OpenAI\./);
		expect(server.requests).toEqual([]);
	});

	test('a background create whose answer was lost is not sent again: a second run would be paid twice', async () => {
		server.faults.add({ kind: 'server_error', status: 500, path: '/responses', times: 1 });
		const result = await runChat(server, { credential, parameters: { api: 'responses', messages: userMessage('once'), options: { background: true } } });
		expect(result.error?.message).toBeDefined();
		expect(sent('POST', /^\/v1\/responses$/)).toHaveLength(1);
	});
});

describe('Response > Cancel', () => {
	test('cancels a running background response; a Dry Run only plans it, a second cancel finds it done', async () => {
		Object.assign(server.state.backgroundRules, { inProgressSeconds: 600 });
		const id = (await startInBackground('stop me')).id as string;
		moveClock(1);

		const plan = await response('cancel', id, { dryRun: true, reason: 'not needed any more' });
		expect(itemsOf(plan)).toEqual([
			expect.objectContaining({ status: 'in_progress', id, dryRun: true, wouldCancel: true, plan: `Would cancel in_progress background response ${id} (gpt-4o-mini): not needed any more` }),
		]);
		expect(sent('POST', /\/cancel$/)).toEqual([]);

		const cancelled = itemsOf(await response('cancel', id))[0];
		expect(Object.keys(cancelled)[0]).toBe('status');
		expect(cancelled).toMatchObject({ status: 'cancelled', id, message: 'Cancelled before it finished: there is no answer' });
		expect(sent('POST', /\/cancel$/).map((request) => request.path)).toEqual([`/v1/responses/${id}/cancel`]);
		moveClock(3600);
		expect(server.state.storedResponses[0].body.status).toBe('cancelled');

		const again = itemsOf(await response('cancel', id))[0];
		expect(again).toMatchObject({ status: 'cancelled', message: 'the response was already cancelled' });
		expect(sent('POST', /\/cancel$/)).toHaveLength(1);
	});

	test('a finished or a foreground response is refused in the check: no item of the run is cancelled', async () => {
		const finished = (await startInBackground('quick')).id as string;
		expect(itemsOf(await response('get', finished))[0].status).toBe('completed');
		server.state.backgroundRules.inProgressSeconds = 600;
		const running = (await startInBackground('keep running')).id as string;
		moveClock(1);
		const foreground = itemsOf(await runChat(server, { credential, parameters: { api: 'responses', messages: userMessage('now') } }))[0].id as string;

		const refused = await runChat(server, {
			credential,
			inputItems: [{ id: running }, { id: finished }],
			parameters: { resource: 'response', operation: 'cancel', responseId: '={{ $json.id }}' },
		});
		expect(refused.error?.message).toBe(`Response ${finished} is already completed, so it cannot be cancelled`);
		expect(sent('POST', /\/cancel$/)).toEqual([]);
		expect(server.state.storedResponses.find((stored) => stored.body.id === running)?.body.status).toBe('in_progress');

		const notBackground = await response('cancel', foreground);
		expect(notBackground.error?.message).toBe(`Response ${foreground} did not run in the background, so it cannot be cancelled`);
		expect(notBackground.error?.description).toMatch(/started with the option "Background" on/);
		expect(sent('POST', /\/cancel$/)).toEqual([]);
	});
});

describe('Response > Get Input Items', () => {
	const messages = Array.from({ length: 130 }, (_, n) => ({ role: 'user', content: `message ${n}` }));
	const storeLongInput = async () => {
		const result = await runChat(server, {
			credential,
			parameters: { api: 'responses', messagesSource: 'json', messagesJson: JSON.stringify(messages) },
		});
		return itemsOf(result)[0].id as string;
	};
	const listRequests = () => sent('GET', /\/input_items$/);

	test('Return All reads every page with after, one output item per input item, in the order asked', async () => {
		const id = await storeLongInput();
		const result = await response('getInputItems', id, { returnAll: true, filters: { order: 'asc' } });

		const items = itemsOf(result);
		expect(items).toHaveLength(130);
		expect(items.map((item) => item.text)).toEqual(messages.map((message) => message.content));
		expect(items[0]).toMatchObject({ type: 'message', role: 'user', id: expect.stringMatching(/^msg_/), responseId: id, content: [{ type: 'input_text', text: 'message 0' }] });
		expect(listRequests().map((request) => request.query)).toEqual([
			{ limit: '100', order: 'asc' },
			{ limit: '100', order: 'asc', after: items[99].id },
		]);
	});

	test('a Limit reads one page of that size; without an order OpenAI gives the newest first', async () => {
		const id = await storeLongInput();
		const result = await response('getInputItems', id, { limit: 3 });
		expect(itemsOf(result).map((item) => item.text)).toEqual(['message 129', 'message 128', 'message 127']);
		expect(listRequests().map((request) => request.query)).toEqual([{ limit: '3' }]);
	});

	test('an unknown response is named in the error', async () => {
		const result = await response('getInputItems', 'resp_unknown1', { returnAll: true });
		expect(result.error?.message).toMatch(/resp_unknown1/);
	});
});
