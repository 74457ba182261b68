/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	FT_MODEL_ACME,
	FT_MODEL_GLOBEX,
	ORG_ACME,
	ORG_GLOBEX,
	PROJECT_KEY_ACME,
	startOpenAiTestServer,
	USER_KEY_MULTI,
	type OpenAiTestServer,
} from '..';
import { validateRequest } from '../../contract/openapi';
import { call, expectError } from './client';

let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer({ now: () => Date.UTC(2026, 10, 1, 12) });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const model = (id: string) => `/models/${encodeURIComponent(id)}`;

describe('models: retrieve and delete', () => {
	test("a base model and the organization's own fine-tuned model are retrieved; another organization's is not found", async () => {
		expect((await call(server, 'GET', model('gpt-4o-mini'), { key: PROJECT_KEY_ACME })).body).toEqual({
			id: 'gpt-4o-mini',
			object: 'model',
			created: 1721172741,
			owned_by: 'system',
		});
		expect((await call(server, 'GET', model(FT_MODEL_ACME), { key: PROJECT_KEY_ACME })).body.owned_by).toBe(ORG_ACME);
		expectError(await call(server, 'GET', model(FT_MODEL_GLOBEX), { key: PROJECT_KEY_ACME }), 404, 'model_not_found');
		expectError(await call(server, 'GET', model('gpt-9'), { key: PROJECT_KEY_ACME }), 404, 'model_not_found');
	});

	test('a fine-tuned model is deleted once: it leaves the list, a second delete is not found; a base model is refused', async () => {
		const deleted = await call(server, 'DELETE', model(FT_MODEL_ACME), { key: PROJECT_KEY_ACME });
		expect(deleted.body).toEqual({ id: FT_MODEL_ACME, object: 'model', deleted: true });
		const list = await call(server, 'GET', '/models', { key: PROJECT_KEY_ACME });
		expect(list.body.data.map((entry: { id: string }) => entry.id)).not.toContain(FT_MODEL_ACME);
		expectError(await call(server, 'DELETE', model(FT_MODEL_ACME), { key: PROJECT_KEY_ACME }), 404, 'model_not_found');
		expectError(await call(server, 'DELETE', model('gpt-4o'), { key: PROJECT_KEY_ACME }), 403, 'model_not_deletable');
	});
});

describe('stored chat completions', () => {
	const ask = (content: string, extra: Record<string, unknown> = {}) =>
		call(server, 'POST', '/chat/completions', {
			key: PROJECT_KEY_ACME,
			body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content }], ...extra },
		});

	test('only completions sent with store: true are listed, filtered by model and metadata, paged with after', async () => {
		await ask('not kept');
		const first = await ask('one', { store: true, metadata: { team: 'support' } });
		const second = await ask('two', { store: true, metadata: { team: 'sales' }, model: 'gpt-4o' });
		const third = await ask('three', { store: true, metadata: { team: 'support' } });
		const list = (query: Record<string, string> = {}) => call(server, 'GET', '/chat/completions', { key: PROJECT_KEY_ACME, query });

		expect((await list()).body.data.map((entry: { id: string }) => entry.id)).toEqual([first.body.id, second.body.id, third.body.id]);
		expect((await list({ model: 'gpt-4o' })).body.data).toHaveLength(1);
		expect((await list({ 'metadata[team]': 'support', order: 'desc' })).body.data.map((entry: { id: string }) => entry.id)).toEqual([
			third.body.id,
			first.body.id,
		]);
		const page = (await list({ limit: '2' })).body;
		expect(page).toMatchObject({ has_more: true, last_id: second.body.id });
		expect((await list({ limit: '2', after: page.last_id })).body).toMatchObject({ has_more: false, first_id: third.body.id });
		// The same user in another organization sees none of them.
		expect((await call(server, 'GET', '/chat/completions', { key: USER_KEY_MULTI, organization: ORG_GLOBEX })).body).toEqual({
			object: 'list',
			data: [],
			first_id: '',
			last_id: '',
			has_more: false,
		});
		expect(validateRequest('GET', '/v1/chat/completions', { 'metadata[team]': 'support', limit: '2' }, undefined)).toEqual([]);
	});

	test('the service tier actually used is reported: auto runs on default, flex stays flex', async () => {
		expect((await ask('hi', { service_tier: 'auto' })).body.service_tier).toBe('default');
		expect((await ask('hi', { service_tier: 'flex' })).body.service_tier).toBe('flex');
		expectError(await ask('hi', { service_tier: 'cheapest' }), 400, 'invalid_value');
	});
});

describe('responses', () => {
	const respond = (body: Record<string, unknown>) =>
		call(server, 'POST', '/responses', { key: PROJECT_KEY_ACME, body: { model: 'gpt-4o-mini', ...body } });

	test('a second turn with previous_response_id answers from the stored conversation', async () => {
		const first = await respond({ instructions: 'Be brief.', input: [{ role: 'user', content: 'My name is Ada.' }] });
		expect(first.body).toMatchObject({ object: 'response', status: 'completed', store: true, service_tier: 'default' });
		expect(first.body.output[0].content[0].text).toBe('Echo (gpt-4o-mini): My name is Ada.');
		const second = await respond({ previous_response_id: first.body.id, input: [{ role: 'user', content: 'What is my name?' }] });
		expect(second.body.output[0].content[0].text).toBe('Echo (gpt-4o-mini): What is my name? (earlier: My name is Ada.)');
		expect(second.body.previous_response_id).toBe(first.body.id);
		expect((await call(server, 'GET', `/responses/${first.body.id}`, { key: PROJECT_KEY_ACME })).body.id).toBe(first.body.id);
	});

	test('an unknown, deleted or unstored previous response is refused', async () => {
		const unstored = await respond({ input: 'hi', store: false });
		expectError(await respond({ previous_response_id: unstored.body.id, input: 'again' }), 400, 'previous_response_not_found');
		const stored = await respond({ input: 'hi' });
		expect((await call(server, 'DELETE', `/responses/${stored.body.id}`, { key: PROJECT_KEY_ACME })).body.deleted).toBe(true);
		expectError(await call(server, 'GET', `/responses/${stored.body.id}`, { key: PROJECT_KEY_ACME }), 404, null);
	});

	test('a JSON schema shapes the answer, and the tier used is echoed', async () => {
		const schema = { type: 'object', properties: { answer: { type: 'string' }, words: { type: 'integer' } }, required: ['answer', 'words'] };
		const result = await respond({
			input: 'two words',
			text: { format: { type: 'json_schema', name: 'reply', schema, strict: true } },
			service_tier: 'priority',
		});
		expect(JSON.parse(result.body.output[0].content[0].text)).toEqual({ answer: 'two words', words: 2 });
		expect(result.body.service_tier).toBe('priority');
	});
});

describe('background responses, cancel and input items', () => {
	const scope = { key: PROJECT_KEY_ACME };
	const respond = (body: Record<string, unknown>) => call(server, 'POST', '/responses', { ...scope, body: { model: 'gpt-4o-mini', ...body } });
	const get = async (id: string) => (await call(server, 'GET', `/responses/${id}`, scope)).body;
	const cancel = (id: string) => call(server, 'POST', `/responses/${id}/cancel`, scope);

	test('a background response is answered queued, then moves queued → in_progress → completed on the background clock', async () => {
		Object.assign(server.state.backgroundRules, { queuedSeconds: 10, inProgressSeconds: 60 });
		const created = await respond({ input: 'later please', background: true });
		expect(created.body).toMatchObject({ status: 'queued', background: true, output: [], completed_at: null });
		expect(created.body.usage).toBeUndefined();
		expect((await get(created.body.id)).status).toBe('queued');
		server.state.backgroundRules.clockOffsetSeconds += 10;
		expect((await get(created.body.id)).status).toBe('in_progress');
		server.state.backgroundRules.clockOffsetSeconds += 60;
		const done = await get(created.body.id);
		expect(done).toMatchObject({ status: 'completed', background: true, completed_at: created.body.created_at + 70 });
		expect(done.output[0].content[0].text).toBe('Echo (gpt-4o-mini): later please');
		// A response without background says so.
		expect((await respond({ input: 'now' })).body).toMatchObject({ status: 'completed', background: false });
	});

	test('a background response that fails says why in its error', async () => {
		server.state.backgroundRules.outcome = 'failed';
		const created = await respond({ input: 'x', background: true });
		expect(await get(created.body.id)).toMatchObject({ status: 'failed', error: { code: 'server_error' }, output: [] });
	});

	test('background needs store', async () => {
		expectError(await respond({ input: 'x', background: true, store: false }), 400, 'invalid_value', "Invalid 'background': background mode requires store=true.");
		expect(server.state.storedResponses).toEqual([]);
	});

	test('cancel stops a queued or running background response, again answers it as it is; a finished or foreground one is refused', async () => {
		Object.assign(server.state.backgroundRules, { queuedSeconds: 0, inProgressSeconds: 60 });
		const running = await respond({ input: 'long job', background: true });
		expect((await get(running.body.id)).status).toBe('in_progress');
		const cancelled = await cancel(running.body.id);
		expect(cancelled.status).toBe(200);
		expect(cancelled.body).toMatchObject({ id: running.body.id, status: 'cancelled', background: true });
		server.state.backgroundRules.clockOffsetSeconds += 3600;
		expect((await get(running.body.id)).status).toBe('cancelled');
		expect((await cancel(running.body.id)).body.status).toBe('cancelled');

		const finished = await respond({ input: 'short job', background: true });
		server.state.backgroundRules.clockOffsetSeconds += 60;
		expectError(await cancel(finished.body.id), 400, null, "Cannot cancel a response with status 'completed'.");
		const foreground = await respond({ input: 'now' });
		expectError(await cancel(foreground.body.id), 400, null, 'Only responses created with background=true can be cancelled.');
		expectError(await cancel('resp_unknown'), 404, null);
	});

	test('input_items lists the stored input, newest first by default, paged with after/limit', async () => {
		const input = ['one', 'two', 'three', 'four', 'five'].map((content, index) => ({ role: index === 0 ? 'developer' : 'user', content }));
		const created = await respond({ input });
		const list = (query: Record<string, string> = {}) => call(server, 'GET', `/responses/${created.body.id}/input_items`, { ...scope, query });
		const all = (await list()).body;
		expect(all.data.map((item: { content: Array<{ text: string }> }) => item.content[0].text)).toEqual(['five', 'four', 'three', 'two', 'one']);
		expect(all.data[4]).toMatchObject({ type: 'message', role: 'developer', id: expect.stringMatching(/^msg_/), content: [{ type: 'input_text', text: 'one' }] });
		expect(all).toMatchObject({ object: 'list', has_more: false, first_id: all.data[0].id, last_id: all.data[4].id });

		const first = (await list({ order: 'asc', limit: '2' })).body;
		expect(first).toMatchObject({ has_more: true, first_id: all.data[4].id, last_id: all.data[3].id });
		const next = (await list({ order: 'asc', limit: '2', after: first.last_id })).body;
		expect(next.data.map((item: { content: Array<{ text: string }> }) => item.content[0].text)).toEqual(['three', 'four']);
		expectError(await list({ limit: '101' }), 400, 'integer_above_max_value');
		expectError(await list({ order: 'up' }), 400, 'invalid_value');
		expectError(await call(server, 'GET', '/responses/resp_unknown/input_items', scope), 404, null);
	});

	test('the control API sets the background rules and moves the background clock', async () => {
		const control = (path: string, body: unknown) => fetch(`http://127.0.0.1:${server.port}/__control/${path}`, { method: 'POST', body: JSON.stringify(body) });
		expect((await control('background', { queuedSeconds: 5, inProgressSeconds: 5 })).status).toBe(200);
		expect((await control('background', { outcome: 'expired' })).status).toBe(400);
		const created = await respond({ input: 'x', background: true });
		expect((await control('background/advance', { seconds: 5 })).status).toBe(200);
		expect((await get(created.body.id)).status).toBe('in_progress');
		await control('background/advance', { seconds: 5 });
		expect((await get(created.body.id)).status).toBe('completed');
	});
});
