import {
	ORG_ACME,
	ORG_GLOBEX,
	PROJECT_GLOBEX_RESEARCH,
	PROJECT_GLOBEX_SUPPORT,
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

describe('the organization and project a chat runs under', () => {
	test('the credential organization is sent and reported when the node sets none', async () => {
		const result = await runChat(server, {
			credential: { apiKey: USER_KEY_MULTI, organizationId: ORG_GLOBEX },
			parameters: { messages: userMessage('Hello') },
		});

		expect(result.finished).toBe(true);
		const [request] = chatRequests(server);
		expect(request.headers['openai-organization']).toBe(ORG_GLOBEX);
		expect(request.headers).not.toHaveProperty('openai-project');
		expect(server.state.chatCompletions.map((completion) => completion.organizationId)).toEqual([
			ORG_GLOBEX,
		]);
		expect(result.nodes[NODE_NAME].items[0]).toMatchObject({
			content: 'Echo (gpt-4o-mini): Hello',
			organizationId: ORG_GLOBEX,
			requestId: expect.any(String),
		});
		expectNoFullKeyIn(result, server.requests);
	});

	test('the node organization and project override the credential and are the ones billed', async () => {
		const result = await runChat(server, {
			credential: { apiKey: USER_KEY_MULTI, organizationId: ORG_ACME },
			parameters: {
				messages: userMessage('Bill Globex Research'),
				organizationId: ORG_GLOBEX,
				projectId: PROJECT_GLOBEX_RESEARCH,
			},
		});

		expect(result.finished).toBe(true);
		const [request] = chatRequests(server);
		expect(request.headers['openai-organization']).toBe(ORG_GLOBEX);
		expect(request.headers['openai-project']).toBe(PROJECT_GLOBEX_RESEARCH);
		expect(server.state.chatCompletions).toEqual([
			expect.objectContaining({ organizationId: ORG_GLOBEX, projectId: PROJECT_GLOBEX_RESEARCH }),
		]);
		expect(result.nodes[NODE_NAME].items[0]).toMatchObject({
			organizationId: ORG_GLOBEX,
			projectId: PROJECT_GLOBEX_RESEARCH,
		});
	});

	test('each item can run under its own organization and project by expression', async () => {
		const result = await runChat(server, {
			credential: { apiKey: USER_KEY_MULTI },
			inputItems: [
				{ org: ORG_ACME, project: '' },
				{ org: ORG_GLOBEX, project: PROJECT_GLOBEX_SUPPORT },
				{ org: '', project: '' },
			],
			parameters: {
				messages: userMessage('Which organization?'),
				organizationId: '={{ $json.org }}',
				projectId: '={{ $json.project }}',
				options: { itemsAtOnce: 1 },
			},
		});

		expect(result.finished).toBe(true);
		const sent = chatRequests(server).map((request) => [
			request.headers['openai-organization'],
			request.headers['openai-project'],
		]);
		expect(sent).toEqual([
			[ORG_ACME, undefined],
			[ORG_GLOBEX, PROJECT_GLOBEX_SUPPORT],
			[undefined, undefined],
		]);
		// With nothing sent, the output says what OpenAI answered it used: the key's default organization.
		expect(result.nodes[NODE_NAME].items.map((item) => item.organizationId)).toEqual([
			ORG_ACME,
			ORG_GLOBEX,
			ORG_ACME,
		]);
	});
});
