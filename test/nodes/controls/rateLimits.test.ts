import { DEFAULT_PROJECT_ACME, PROJECT_GLOBEX_ARCHIVED } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { expectNoFullKeyIn, nodeResult, runNode } from '../workflowHelpers';
import { serveTestServer } from '../testServer';
import { acmeAdmin, byId, globexAdmin, requestLines } from './support';

const RATE_LIMITS = `/organization/projects/${DEFAULT_PROJECT_ACME}/rate_limits`;

describe('OpenAI Projects: rate limits', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 2 }, (started) => (server = started));

	const update = (rateLimitId: unknown, limits: Record<string, unknown>, extra: { inputItems?: Array<Record<string, unknown>>; continueOnFail?: boolean } = {}) =>
		runNode(server, {
			parameters: { resource: 'rateLimit', operation: 'update', projectId: byId(DEFAULT_PROJECT_ACME), rateLimitId, limits },
			credential: acmeAdmin,
			...extra,
		});
	const onServer = (model: string) =>
		server.state.projectControls[DEFAULT_PROJECT_ACME]?.rateLimits.find((rateLimit) => rateLimit.model === model)?.limits;

	it("lists a project's rate limits, one per model, each with its project", async () => {
		const result = await runNode(server, {
			parameters: { resource: 'rateLimit', operation: 'getAll', projectId: byId(DEFAULT_PROJECT_ACME), returnAll: true },
			credential: acmeAdmin,
		});
		const items = nodeResult(result).items;
		expect(items).toHaveLength(11);
		expect(items[0]).toEqual({
			project_id: DEFAULT_PROJECT_ACME,
			object: 'project.rate_limit',
			id: 'rl-gpt-4o',
			model: 'gpt-4o',
			max_requests_per_1_minute: 30_000,
			max_tokens_per_1_minute: 150_000_000,
			batch_1_day_max_input_tokens: 15_000_000_000,
		});
		expect(server.requests[0].query).toEqual({ limit: '100' });
		expectNoFullKeyIn(result);
	});

	it('a Limit of 3 returns 3', async () => {
		const result = await runNode(server, {
			parameters: { resource: 'rateLimit', operation: 'getAll', projectId: byId(DEFAULT_PROJECT_ACME), limit: 3 },
			credential: acmeAdmin,
		});
		expect(nodeResult(result).items).toHaveLength(3);
	});

	it('updates the limits given, by rate limit ID, and sends only those', async () => {
		const result = await update(byId('rl-gpt-4o'), { maxRequestsPerMinute: 500, maxTokensPerMinute: 200_000 });
		expect(requestLines(server)).toEqual([`POST ${RATE_LIMITS}/rl-gpt-4o`]);
		expect(server.requests[0].body).toEqual({ max_requests_per_1_minute: 500, max_tokens_per_1_minute: 200_000 });
		expect(nodeResult(result).items[0]).toEqual(expect.objectContaining({ model: 'gpt-4o', max_requests_per_1_minute: 500 }));
		expect(onServer('gpt-4o')?.max_requests_per_1_minute).toBe(500);
	});

	it('finds the rate limit by model name, reading the list once for every item of the run', async () => {
		const result = await update(
			{ __rl: true, mode: 'model', value: '={{ $json.model }}' },
			{ maxRequestsPerMinute: 100 },
			{ inputItems: [{ model: 'gpt-4o-mini' }, { model: 'GPT-4.1' }] },
		);
		expect(result.error).toBeUndefined();
		expect(requestLines(server)).toEqual([`GET ${RATE_LIMITS}`, `POST ${RATE_LIMITS}/rl-gpt-4o-mini`, `POST ${RATE_LIMITS}/rl-gpt-4.1`]);
		expect(onServer('gpt-4.1')?.max_requests_per_1_minute).toBe(100);
	});

	it('an unknown model name is refused with the models the project has', async () => {
		const result = await update({ __rl: true, mode: 'model', value: 'gpt-9' }, { maxRequestsPerMinute: 100 });
		expect(result.error?.message).toBe(`Project ${DEFAULT_PROJECT_ACME} has no rate limit for the model "gpt-9"`);
		expect(result.error?.description).toMatch(/gpt-4o, gpt-4o-mini/);
		expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
	});

	it.each([
		[{ maxRequestsPerMinute: 0 }, '"Max Requests per Minute" must be a whole number of at least 1, not 0'],
		[{ maxTokensPerMinute: 1.5 }, '"Max Tokens per Minute" must be a whole number of at least 1, not 1.5'],
		[{ maxRequestsPerDay: -3 }, '"Max Requests per Day" must be a whole number of at least 1, not -3'],
		[{}, '"Limits" is empty: nothing to change'],
	])('refuses %j before any request', async (limits, message) => {
		const result = await update(byId('rl-gpt-4o'), limits);
		expect(result.error?.message).toBe(message);
		expect(server.requests).toHaveLength(0);
	});

	it("a limit over the organization's is refused by OpenAI, and the error shows its words and the parameter", async () => {
		const result = await update(byId('rl-gpt-4o'), { maxRequestsPerMinute: 1_000_000 });
		expect(result.error?.message).toBe('OpenAI rejected the request (parameter "max_requests_per_1_minute")');
		expect(result.error?.description).toMatch(/cannot be higher than the organization's limit for gpt-4o \(30000\)/);
		expect(onServer('gpt-4o')?.max_requests_per_1_minute).toBe(30_000);
	});

	it('an archived project cannot be changed; with Continue On Fail the next item still runs, each paired', async () => {
		const result = await runNode(server, {
			parameters: {
				resource: 'rateLimit',
				operation: 'update',
				projectId: byId('={{ $json.project }}'),
				rateLimitId: byId('rl-gpt-4o'),
				limits: { maxRequestsPerMinute: '={{ $json.rpm }}' },
			},
			credential: globexAdmin,
			inputItems: [{ project: PROJECT_GLOBEX_ARCHIVED, rpm: 10 }, { project: 'not-a-project', rpm: 10 }],
			continueOnFail: true,
		});
		const outputs = nodeResult(result).outputs[0];
		expect(outputs.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(String((outputs[0].json as { error?: unknown }).error)).toMatch(/is archived, and archived projects cannot be changed/);
		expect(String((outputs[1].json as { error?: unknown }).error)).toMatch(/"Project" must be a project ID/);
		expect(server.requests).toHaveLength(1);
	});
});
