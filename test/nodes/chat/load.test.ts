import { PROJECT_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { NODE_NAME, chatRequests, expectNoFullKeyIn, runChat, serveTestServer } from './support';

const ITEMS = Array.from({ length: 40 }, (_, index) => ({ question: `question ${index}` }));
const PER_ITEM_MESSAGE = { values: [{ role: 'user', content: '={{ $json.question }}' }] };

let server: OpenAiTestServer;
serveTestServer({}, (started) => (server = started));

describe('many items at once', () => {
	test('40 items at concurrency 10, answered out of order, come out in input order, each paired with its input', async () => {
		// The first request to arrive is held back while the others are answered at once, so the server finishes
		// them out of order in every run.
		server.faults.add({ kind: 'latency', path: '/chat/completions', ms: 300, times: 1 });
		const result = await runChat(server, {
			credential: { apiKey: PROJECT_KEY_ACME },
			inputItems: ITEMS,
			parameters: { messages: PER_ITEM_MESSAGE, options: { itemsAtOnce: 10 } },
		});

		expect(result.finished).toBe(true);
		const output = result.nodes[NODE_NAME].outputs[0];
		expect(output.map((item) => item.json.content)).toEqual(
			ITEMS.map(({ question }) => `Echo (gpt-4o-mini): ${question}`),
		);
		expect(output.map((item) => item.pairedItem)).toEqual(
			ITEMS.map((_, index) => ({ item: index })),
		);
		// The server finished them in another order: the order above is the node's doing, not luck.
		const finishedOrder = server.state.chatCompletions.map((completion) =>
			output.findIndex((item) => item.json.id === completion.id),
		);
		expect(finishedOrder).toHaveLength(40);
		expect(finishedOrder).not.toEqual([...finishedOrder].sort((a, b) => a - b));
	});

	test('a burst of 429 rate limits is waited out and every item is answered exactly once', async () => {
		server.faults.add({
			kind: 'rate_limit',
			path: '/chat/completions',
			times: 15,
			retryAfterMs: 30,
		});
		const result = await runChat(server, {
			credential: { apiKey: PROJECT_KEY_ACME },
			inputItems: ITEMS,
			parameters: { messages: PER_ITEM_MESSAGE, options: { itemsAtOnce: 10 } },
		});

		expect(result.finished).toBe(true);
		const requests = chatRequests(server);
		expect(requests.filter((request) => request.status === 429)).toHaveLength(15);
		expect(requests).toHaveLength(40 + 15);
		expect(server.state.chatCompletions).toHaveLength(40);
		const answered = requests
			.filter((request) => request.status === 200)
			.map(
				(request) => (request.body as { messages: Array<{ content: string }> }).messages[0].content,
			);
		expect(answered.sort()).toEqual(ITEMS.map(({ question }) => question).sort());
		expect(result.nodes[NODE_NAME].items.map((item) => item.content)).toEqual(
			ITEMS.map(({ question }) => `Echo (gpt-4o-mini): ${question}`),
		);
		expectNoFullKeyIn(result, server.requests);
	});
});
