import { USER_KEY_MULTI } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { nodeResult } from '../workflowHelpers';
import { NODE_NAME, expectNoFullKeyIn, runChat, serveTestServer, userMessage } from './support';

let server: OpenAiTestServer;
serveTestServer({}, (started) => (server = started));

const hello = { messages: userMessage('Hello') };
const user = { apiKey: USER_KEY_MULTI };

describe('Chat: careless settings (issue 22)', () => {
	it('gives every item an error item, with the message, for a node-wide setting refused before any item runs', async () => {
		const result = await runChat(server, {
			parameters: { ...hello, options: { itemsAtOnce: 0 } },
			credential: user,
			inputItems: [{ n: 1 }, { n: 2 }],
			continueOnFail: true,
		});
		expect(server.requests).toHaveLength(0);
		const { outputs } = nodeResult(result, NODE_NAME);
		expect(outputs[0]).toEqual([0, 1].map((item) => ({
			json: expect.objectContaining({
				error: expect.stringContaining('"Items at Once" must be a whole number from 1 to 50'),
			}),
			pairedItem: { item },
		})));
		expectNoFullKeyIn(result);
	});
});
