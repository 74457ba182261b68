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
