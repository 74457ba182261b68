import { PROJECT_KEY_ACME, startOpenAiTestServer } from '../../openai-server';
import type { OpenAiTestServer, RecordedRequest } from '../../openai-server';
import { NODE_NAME, chatRequests, expectRequestsFollowContract, runChat } from './support';

/**
 * The test server enforces limits as OpenAI does. Its window is compressed to two seconds (1,500 requests a
 * minute = 50 in any two seconds) so that the runs take seconds; the rates and headers stay per minute.
 */
const LIMITS = { model: { requestsPerMinute: 1_500, tokensPerMinute: 10_000_000, windowMs: 2_000 } };
const ITEMS = Array.from({ length: 120 }, (_, index) => ({ question: `question ${index}` }));
const PER_ITEM_MESSAGE = { values: [{ role: 'user', content: '={{ $json.question }}' }] };

let server: OpenAiTestServer;
afterEach(async () => {
	expectRequestsFollowContract(server.requests);
	await server.close();
});

const times = (requests: RecordedRequest[]) => requests.map((request) => request.receivedAtMs).sort((a, b) => a - b);

/** Most requests in any `windowMs` that starts at a request. */
function mostInWindow(requests: RecordedRequest[], windowMs: number): number {
	const sorted = times(requests);
	return Math.max(0, ...sorted.map((start) => sorted.filter((time) => time >= start && time < start + windowMs).length));
}

async function runManyChats(itemsAtOnce: number) {
	return await runChat(server, {
		credential: { apiKey: PROJECT_KEY_ACME },
		inputItems: ITEMS,
		parameters: { messages: PER_ITEM_MESSAGE, options: { itemsAtOnce } },
	});
}

describe('chat under enforced rate limits', () => {
	test('120 items, 10 at once, against 50 requests in two seconds: every item is answered and no 429 is caused', async () => {
		server = await startOpenAiTestServer({ rateLimits: LIMITS, latencyMs: 5 });
		const result = await runManyChats(10);

		expect(result.finished).toBe(true);
		const output = result.nodes[NODE_NAME].outputs[0];
		expect(output.map((item) => item.json.content)).toEqual(ITEMS.map(({ question }) => `Echo (gpt-4o-mini): ${question}`));
		const requests = chatRequests(server);
		expect(requests.filter((request) => request.status === 429)).toHaveLength(0);
		expect(requests).toHaveLength(120);
		// The pacing, not luck: never more than the limit allows in any window.
		expect(mostInWindow(requests, 2_000)).toBeLessThanOrEqual(50);
	});

	test('after a 429 the node waits as told and resumes without a burst', async () => {
		server = await startOpenAiTestServer({ rateLimits: LIMITS, latencyMs: 5 });
		// Another program took the organization's whole budget: the 429s say to wait 1 s.
		server.faults.add({ kind: 'rate_limit', path: '/chat/completions', retryAfterSeconds: 1, rateLimitHeaders: true, after: 12, times: 1 });
		const result = await runManyChats(10);

		expect(result.finished).toBe(true);
		expect(result.nodes[NODE_NAME].outputs[0]).toHaveLength(120);
		const requests = chatRequests(server);
		const refusals = requests.filter((request) => request.status === 429);
		expect(refusals.length).toBeGreaterThanOrEqual(1);
		expect(refusals.length).toBeLessThanOrEqual(3);
		for (const refusal of refusals) {
			const after = times(requests).filter((time) => time > refusal.receivedAtMs);
			// Nothing may go out while OpenAI asked to wait (a few requests may already have been on their way).
			expect(after.filter((time) => time > refusal.receivedAtMs + 50 && time < refusal.receivedAtMs + 950)).toEqual([]);
			// Then no burst: in the second after the pause at most half of the 25 a second the limit allows.
			const resumed = after.filter((time) => time >= refusal.receivedAtMs + 950 && time < refusal.receivedAtMs + 1_950);
			expect(resumed.length).toBeLessThanOrEqual(16);
		}
	});
});
