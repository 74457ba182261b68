import { ORG_GLOBEX, PROJECT_GLOBEX_RESEARCH, PROJECT_KEY_ACME, USER_KEY_MULTI } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { NODE_NAME, chatRequests, expectNoFullKeyIn, model, runChat, serveTestServer, userMessage } from './support';

let server: OpenAiTestServer;
serveTestServer({}, (started) => (server = started));

const credential = { apiKey: PROJECT_KEY_ACME };
const responseRequests = () => server.requests.filter((request) => request.path === '/v1/responses');
const SCHEMA = {
	type: 'object',
	properties: { answer: { type: 'string' }, words: { type: 'integer' } },
	required: ['answer', 'words'],
	additionalProperties: false,
};

describe('Responses mode', () => {
	test('a second turn continues the first by its response ID; the output gives the text first, then usage and the id', async () => {
		const first = await runChat(server, {
			credential,
			parameters: { api: 'responses', instructions: 'Be brief.', messages: userMessage('My name is Ada.') },
		});
		expect(first.finished).toBe(true);
		const answer = first.nodes[NODE_NAME].items[0];
		expect(Object.keys(answer).slice(0, 3)).toEqual(['content', 'usage', 'id']);
		expect(answer).toMatchObject({
			content: 'Echo (gpt-4o-mini): My name is Ada.',
			usage: expect.objectContaining({ input_tokens: expect.any(Number), output_tokens: 6 }),
			id: expect.stringMatching(/^resp_/),
			status: 'completed',
			service_tier: 'default',
			previous_response_id: null,
		});

		// The next node reads the id from its input item, as a workflow chains two turns.
		const second = await runChat(server, {
			credential,
			inputItems: [{ id: answer.id }],
			parameters: { api: 'responses', previousResponseId: '={{ $json.id }}', messages: userMessage('What is my name?') },
		});
		expect(second.nodes[NODE_NAME].items[0]).toMatchObject({
			content: 'Echo (gpt-4o-mini): What is my name? (earlier: My name is Ada.)',
			previous_response_id: answer.id,
		});
		expect(responseRequests().map((request) => request.body)).toEqual([
			{ model: 'gpt-4o-mini', input: [{ role: 'user', content: 'My name is Ada.' }], instructions: 'Be brief.' },
			{ model: 'gpt-4o-mini', input: [{ role: 'user', content: 'What is my name?' }], previous_response_id: answer.id },
		]);
		expect(chatRequests(server)).toEqual([]);
		expectNoFullKeyIn(first, second, server.requests);
	});

	test('"Store" off keeps the response out of reach: continuing it fails with OpenAI\'s words, and reasoning effort is sent as Responses names it', async () => {
		const unstored = await runChat(server, {
			credential,
			parameters: { api: 'responses', messages: userMessage('hi'), options: { store: false, reasoningEffort: 'low', maxCompletionTokens: 64 } },
		});
		expect(responseRequests()[0].body).toEqual({
			model: 'gpt-4o-mini',
			input: [{ role: 'user', content: 'hi' }],
			store: false,
			reasoning: { effort: 'low' },
			max_output_tokens: 64,
		});
		const next = await runChat(server, {
			credential,
			parameters: { api: 'responses', previousResponseId: unstored.nodes[NODE_NAME].items[0].id, messages: userMessage('again') },
		});
		expect(next.error?.message).toBe('OpenAI rejected the request (parameter "previous_response_id")');
		expect(next.error?.description).toMatch(/Previous response with id 'resp_\w+' not found/);
	});

	test('a JSON schema gives structured output, parsed into the content', async () => {
		const result = await runChat(server, {
			credential,
			parameters: {
				api: 'responses',
				messages: userMessage('two words'),
				options: { responseFormat: 'json_schema', jsonSchema: JSON.stringify(SCHEMA), schemaName: 'reply' },
			},
		});
		expect(result.nodes[NODE_NAME].items[0].content).toEqual({ answer: 'two words', words: 2 });
		expect((responseRequests()[0].body as { text: unknown }).text).toEqual({
			format: { type: 'json_schema', name: 'reply', schema: SCHEMA, strict: true },
		});
	});

	test('per-item organization and project, continue on fail and input order work as for chat completions', async () => {
		const result = await runChat(server, {
			credential: { apiKey: USER_KEY_MULTI },
			continueOnFail: true,
			inputItems: [
				{ text: 'first', previous: '' },
				{ text: 'second', previous: 'resp_unknown0' },
				{ text: 'third', previous: 'not-an-id' },
				{ text: 'fourth', previous: '' },
			],
			parameters: {
				api: 'responses',
				messages: userMessage('={{ $json.text }}'),
				previousResponseId: '={{ $json.previous }}',
				organizationId: ORG_GLOBEX,
				projectId: PROJECT_GLOBEX_RESEARCH,
				options: { itemsAtOnce: 4 },
			},
		});
		const output = result.nodes[NODE_NAME].outputs[0];
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].json).toMatchObject({ content: 'Echo (gpt-4o-mini): first', organizationId: ORG_GLOBEX, projectId: PROJECT_GLOBEX_RESEARCH });
		expect(output[1].json).toMatchObject({ httpCode: '400', description: expect.stringMatching(/resp_unknown0/) });
		expect(output[2].json.error).toBe('"Previous Response ID" must look like resp_…, not "not-an-id"');
		expect(output[3].json.content).toBe('Echo (gpt-4o-mini): fourth');
		expect(responseRequests()).toHaveLength(3);
		for (const request of responseRequests()) {
			expect(request.headers['openai-organization']).toBe(ORG_GLOBEX);
			expect(request.headers['openai-project']).toBe(PROJECT_GLOBEX_RESEARCH);
		}
	});

	test('a server error and a rate limit on /responses are retried by the same transport, and the item still answers once', async () => {
		server.faults.add({ kind: 'server_error', status: 503, path: '/responses', times: 1 });
		server.faults.add({ kind: 'rate_limit', path: '/responses', retryAfterSeconds: 1, rateLimitHeaders: true, times: 1 });
		const result = await runChat(server, { credential, parameters: { api: 'responses', messages: userMessage('hello') } });

		expect(result.nodes[NODE_NAME].items).toEqual([expect.objectContaining({ content: 'Echo (gpt-4o-mini): hello' })]);
		expect(responseRequests()).toHaveLength(3);
		expect(server.state.storedResponses).toHaveLength(1);
	});

	test('an option only Chat Completions has, left in a workflow switched to Responses, is hidden and not sent', async () => {
		const result = await runChat(server, {
			credential,
			parameters: { api: 'responses', messages: userMessage('hi'), options: { seed: 7, stop: 'END', temperature: 0.5 } },
		});
		expect(result.finished).toBe(true);
		expect(responseRequests()[0].body).toEqual({ model: 'gpt-4o-mini', input: [{ role: 'user', content: 'hi' }], temperature: 0.5 });
	});
});

describe('stored responses (Response > Get and Delete)', () => {
	test('a stored response is read back, planned for deletion in a Dry Run, then deleted; a later turn can no longer continue it', async () => {
		const first = await runChat(server, { credential, parameters: { api: 'responses', messages: userMessage('remember me') } });
		const id = first.nodes[NODE_NAME].items[0].id as string;

		const got = await runChat(server, { credential, parameters: { resource: 'response', operation: 'get', responseId: id } });
		expect(got.nodes[NODE_NAME].items[0]).toMatchObject({ id, object: 'response', status: 'completed', model: 'gpt-4o-mini' });

		const plan = await runChat(server, {
			credential,
			parameters: { resource: 'response', operation: 'delete', responseId: id, dryRun: true, reason: 'privacy request' },
		});
		expect(plan.nodes[NODE_NAME].items).toEqual([
			expect.objectContaining({ id, model: 'gpt-4o-mini', dryRun: true, wouldDelete: true, plan: `Would delete stored response ${id} (gpt-4o-mini): privacy request` }),
		]);
		expect(server.state.storedResponses).toHaveLength(1);

		const deleted = await runChat(server, { credential, parameters: { resource: 'response', operation: 'delete', responseId: id } });
		expect(deleted.nodes[NODE_NAME].items).toEqual([expect.objectContaining({ id, deleted: true })]);
		expect(server.state.storedResponses).toHaveLength(0);

		const next = await runChat(server, { credential, parameters: { api: 'responses', previousResponseId: id, messages: userMessage('still there?') } });
		expect(next.error?.description).toMatch(/not found/);
	});

	test('a malformed response ID is refused before any request', async () => {
		const result = await runChat(server, { credential, parameters: { resource: 'response', operation: 'delete', responseId: 'chatcmpl-123' } });
		expect(result.error?.message).toBe('"Response ID" must look like resp_…, not "chatcmpl-123"');
		expect(server.requests).toEqual([]);
	});
});

describe('service tier', () => {
	test.each([
		['chatCompletions', 'flex', 'flex'],
		['chatCompletions', 'auto', 'default'],
		['responses', 'priority', 'priority'],
		['responses', 'auto', 'default'],
	])('%s asked for %s reports the tier that served it: %s', async (api, asked, served) => {
		const result = await runChat(server, {
			credential,
			parameters: { api, model: model('gpt-4o'), messages: userMessage('hi'), options: { serviceTier: asked } },
		});
		expect(result.nodes[NODE_NAME].items[0]).toMatchObject({ content: 'Echo (gpt-4o): hi', service_tier: served });
		expect((server.requests[0].body as { service_tier: string }).service_tier).toBe(asked);
	});
});

describe('structured output on Chat Completions', () => {
	test('a JSON schema is sent as response_format and the answer is parsed', async () => {
		const result = await runChat(server, {
			credential,
			parameters: { messages: userMessage('three small words'), options: { responseFormat: 'json_schema', jsonSchema: SCHEMA } },
		});
		expect(result.nodes[NODE_NAME].items[0].content).toEqual({ answer: 'three small words', words: 3 });
		expect((chatRequests(server)[0].body as { response_format: unknown }).response_format).toEqual({
			type: 'json_schema',
			json_schema: { name: 'answer', schema: SCHEMA, strict: true },
		});
	});

	test('a schema whose root is no object is refused before any request', async () => {
		const result = await runChat(server, {
			credential,
			parameters: { messages: userMessage('hi'), options: { responseFormat: 'json_schema', jsonSchema: '{"type": "string"}' } },
		});
		expect(result.error?.message).toMatch(/^"JSON Schema" must be a JSON schema of an object/);
		expect(server.requests).toEqual([]);
	});
});
