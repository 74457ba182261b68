import { PROJECT_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import {
	NODE_NAME,
	chatRequests,
	expectNoFullKeyIn,
	model,
	runChat,
	serveTestServer,
} from './support';

// The conversation of seed 000 ("Switching Organizations in OpenAI API Calls").
const SEED_HISTORY = [
	{ role: 'system', content: 'You are a helpful assistant.' },
	{ role: 'user', content: 'Who won the world series in 2020?' },
	{ role: 'assistant', content: 'The Los Angeles Dodgers won the World Series in 2020.' },
	{ role: 'user', content: 'Where was it played?' },
];

let server: OpenAiTestServer;
serveTestServer({}, (started) => (server = started));

describe('conversations', () => {
	test("the seed's four-message history defined message by message reaches OpenAI as is", async () => {
		const result = await runChat(server, {
			credential: { apiKey: PROJECT_KEY_ACME },
			parameters: { model: model('gpt-3.5-turbo'), messages: { values: SEED_HISTORY } },
		});

		expect(result.finished).toBe(true);
		expect(chatRequests(server).map((request) => request.body)).toEqual([
			{ model: 'gpt-3.5-turbo', messages: SEED_HISTORY },
		]);
		expect(result.nodes[NODE_NAME].outputs[0]).toEqual([
			{
				json: expect.objectContaining({
					content: 'Echo (gpt-3.5-turbo): Where was it played?',
					role: 'assistant',
					finish_reason: 'stop',
					model: 'gpt-3.5-turbo',
					usage: expect.objectContaining({ total_tokens: expect.any(Number) }),
				}),
				pairedItem: { item: 0 },
			},
		]);
		expectNoFullKeyIn(result, server.requests);
	});

	test('a history built by an earlier node is taken whole from an expression', async () => {
		const result = await runChat(server, {
			credential: { apiKey: PROJECT_KEY_ACME },
			inputItems: [{ history: SEED_HISTORY }],
			parameters: { messagesSource: 'json', messagesJson: '={{ $json.history }}' },
		});

		expect(result.finished).toBe(true);
		expect((chatRequests(server)[0].body as { messages: unknown }).messages).toEqual(SEED_HISTORY);
		expect(result.nodes[NODE_NAME].items[0].content).toBe(
			'Echo (gpt-4o-mini): Where was it played?',
		);
	});

	test('JSON mode parses the answer into the output', async () => {
		const result = await runChat(server, {
			credential: { apiKey: PROJECT_KEY_ACME },
			parameters: {
				messagesSource: 'json',
				messagesJson: JSON.stringify([
					{ role: 'system', content: 'Answer in JSON.' },
					{ role: 'user', content: 'Name a colour' },
				]),
				options: { responseFormat: 'json_object' },
			},
		});

		expect(result.finished).toBe(true);
		expect((chatRequests(server)[0].body as { response_format: unknown }).response_format).toEqual({
			type: 'json_object',
		});
		expect(result.nodes[NODE_NAME].items[0].content).toEqual({
			model: 'gpt-4o-mini',
			choice: 1,
			echo: 'Name a colour',
		});
	});

	test('the full response keeps OpenAI body and adds the organization and request id', async () => {
		const result = await runChat(server, {
			credential: { apiKey: PROJECT_KEY_ACME },
			parameters: { messages: { values: [{ role: 'user', content: 'Hi' }] }, simplify: false },
		});

		const [item] = result.nodes[NODE_NAME].items;
		expect(item).toMatchObject({
			object: 'chat.completion',
			choices: [
				expect.objectContaining({
					message: expect.objectContaining({ content: 'Echo (gpt-4o-mini): Hi' }),
				}),
			],
			organizationId: expect.stringMatching(/^org-/),
			requestId: expect.any(String),
		});
	});
});
