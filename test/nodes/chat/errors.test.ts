import {
	ADMIN_KEY_ACME,
	ORG_GLOBEX,
	PROJECT_KEY_ACME,
	USER_KEY_ACME_ONLY,
	USER_KEY_MULTI,
} from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import {
	NODE_NAME,
	chatRequests,
	expectNoFullKeyIn,
	runChat,
	serveTestServer,
	userMessage,
} from './support';

let server: OpenAiTestServer;
serveTestServer({}, (started) => (server = started));

describe('what the user sees when OpenAI refuses', () => {
	test('out of quota fails at once with the billing fix, after exactly one request', async () => {
		server.faults.add({ kind: 'insufficient_quota', path: '/chat/completions', times: 5 });
		const result = await runChat(server, {
			credential: { apiKey: PROJECT_KEY_ACME },
			parameters: { messages: userMessage('Hello') },
		});

		expect(result.finished).toBe(false);
		expect(chatRequests(server)).toHaveLength(1);
		expect(result.error?.message).toMatch(/run out of OpenAI credit/);
		expect(result.error?.description).toMatch(/Retrying will not help/);
		expect(result.error?.description).toMatch(/billing/);
		expect(result.error?.description).toMatch(/another organization/);
		expectNoFullKeyIn(result, server.requests);
	});

	test('an organization the key does not belong to is diagnosed with proof', async () => {
		const result = await runChat(server, {
			credential: { apiKey: USER_KEY_ACME_ONLY },
			parameters: { messages: userMessage('Hello'), organizationId: ORG_GLOBEX },
		});

		expect(result.error?.message).toBe(
			`The API key does not belong to organization ${ORG_GLOBEX} (checked: the same key works when no organization is sent)`,
		);
		expect(result.error?.description).toMatch(/the node's "Organization ID" field/);
		expect(result.error?.description).toContain('sk-...');
		// The proof is one call without the organization header, not a retry of the chat.
		expect(
			server.requests.map((request) => [request.path, request.headers['openai-organization']]),
		).toEqual([
			['/v1/chat/completions', ORG_GLOBEX],
			['/v1/models', undefined],
		]);
		expect(server.state.chatCompletions).toHaveLength(0);
		expectNoFullKeyIn(result, server.requests);
	});

	test('an Admin key is told that chat needs a project or user key', async () => {
		const result = await runChat(server, {
			credential: { apiKey: ADMIN_KEY_ACME },
			parameters: { messages: userMessage('Hello') },
		});

		expect(result.error?.message).toBe(
			'Chat and models need a project or user API key, not an Admin key',
		);
		expect(result.error?.description).toMatch(/platform\.openai\.com\/api-keys/);
		expect(chatRequests(server)).toHaveLength(1);
		expectNoFullKeyIn(result, server.requests);
	});

	test('continue on fail keeps the other items, and failed items stay paired with their input', async () => {
		const result = await runChat(server, {
			credential: { apiKey: USER_KEY_MULTI },
			continueOnFail: true,
			inputItems: [
				{ text: 'first', org: '' },
				{ text: '', org: '' },
				{ text: 'third', org: 'org-6jbXh9wlJNDUjgF07IqYEw' },
				{ text: 'fourth', org: ORG_GLOBEX },
			],
			parameters: {
				messages: userMessage('={{ $json.text }}'),
				organizationId: '={{ $json.org }}',
				options: { itemsAtOnce: 4 },
			},
		});

		expect(result.finished).toBe(true);
		const output = result.nodes[NODE_NAME].outputs[0];
		expect(output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(output[0].json.content).toBe('Echo (gpt-4o-mini): first');
		expect(output[1].json.error).toBe('"Messages" message 1 (user) has empty content');
		expect(output[2].json).toMatchObject({
			error: expect.stringMatching(/does not exist or this key cannot see it/),
			httpCode: '401',
		});
		expect(output[3].json).toMatchObject({
			content: 'Echo (gpt-4o-mini): fourth',
			organizationId: ORG_GLOBEX,
		});
		expect(server.state.chatCompletions).toHaveLength(2);
		expectNoFullKeyIn(result, server.requests);
	});
});
