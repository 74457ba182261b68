/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	DEFAULT_PROJECT_ACME,
	fingerprint,
	ORG_ACME,
	ORG_GLOBEX,
	PROJECT_GLOBEX_RESEARCH,
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

const ask = (
	body: unknown,
	extra: { organization?: string; project?: string; key?: string } = {},
) => call(server, 'POST', '/chat/completions', { key: USER_KEY_MULTI, body, ...extra });
const user = (content: string) => [
	{ role: 'system', content: 'Be brief.' },
	{ role: 'user', content },
];

test('the model list carries the usual OpenAI models', async () => {
	const result = await call(server, 'GET', '/models', { key: USER_KEY_MULTI });
	const ids = result.body.data.map((model: { id: string }) => model.id);
	expect(ids).toEqual(
		expect.arrayContaining([
			'gpt-4o',
			'gpt-4o-mini',
			'gpt-4.1',
			'o3-mini',
			'text-embedding-3-small',
			'dall-e-3',
			'whisper-1',
			'tts-1',
		]),
	);
});

test('a chat completion echoes the last user message with usage that adds up', async () => {
	const body = { model: 'gpt-4o-mini', messages: user('Hello there, world') };
	expect(validateRequest('POST', '/chat/completions', {}, body)).toEqual([]);
	const result = await ask(body);
	expect(result.status).toBe(200);
	expect(result.body.id).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/);
	expect(result.body.choices).toEqual([
		expect.objectContaining({
			index: 0,
			finish_reason: 'stop',
			message: expect.objectContaining({
				role: 'assistant',
				content: 'Echo (gpt-4o-mini): Hello there, world',
			}),
		}),
	]);
	const usage = result.body.usage;
	expect(usage.completion_tokens).toBe(5);
	expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
	expect(result.body.created).toBe(Date.UTC(2026, 10, 1, 12) / 1000);
});

test('the same request twice gets the same answer', async () => {
	const body = { model: 'gpt-4o', messages: user('repeat me'), seed: 7 };
	const [first, second] = [await ask(body), await ask(body)];
	expect(second.body.choices).toEqual(first.body.choices);
	expect(second.body.system_fingerprint).toBe(first.body.system_fingerprint);
	expect((await ask({ ...body, seed: 8 })).body.system_fingerprint).not.toBe(
		first.body.system_fingerprint,
	);
});

test('n asks for that many choices', async () => {
	const result = await ask({ model: 'gpt-4o', messages: user('pick'), n: 3 });
	expect(result.body.choices.map((choice: { index: number }) => choice.index)).toEqual([0, 1, 2]);
	expect(
		new Set(
			result.body.choices.map((choice: { message: { content: string } }) => choice.message.content),
		).size,
	).toBe(3);
});

test('max_completion_tokens truncates the answer and reports finish_reason length', async () => {
	const result = await ask({
		model: 'gpt-4o',
		messages: user('one two three four five'),
		max_completion_tokens: 3,
	});
	expect(result.body.choices[0]).toEqual(expect.objectContaining({ finish_reason: 'length' }));
	expect(result.body.choices[0].message.content).toBe('Echo (gpt-4o): one');
	expect(result.body.usage.completion_tokens).toBe(3);
});

test('response_format json_object answers valid JSON', async () => {
	const result = await ask({
		model: 'gpt-4.1',
		messages: user('answer in json please'),
		response_format: { type: 'json_object' },
	});
	expect(JSON.parse(result.body.choices[0].message.content)).toEqual({
		model: 'gpt-4.1',
		choice: 1,
		echo: 'answer in json please',
	});
});

test('json_object is refused when no message mentions JSON, as OpenAI does', async () => {
	expectError(
		await ask({ model: 'gpt-4.1', messages: user('hi'), response_format: { type: 'json_object' } }),
		400,
		null,
		/must contain the word 'json'/,
	);
});

test('a missing model is a 400', async () => {
	expectError(await ask({ messages: user('hi') }), 400, null, 'you must provide a model parameter');
});

test('an unknown model is 404 model_not_found', async () => {
	expectError(
		await ask({ model: 'gpt-9', messages: user('hi') }),
		404,
		'model_not_found',
		'The model `gpt-9` does not exist or you do not have access to it.',
	);
});

test('a model that is not a chat model is refused', async () => {
	expectError(
		await ask({ model: 'dall-e-3', messages: user('hi') }),
		404,
		null,
		/not a chat model/,
	);
});

test.each([
	[undefined, 'messages', 'missing_required_parameter'],
	[[], 'messages', 'empty_array'],
	[[{ role: 'wizard', content: 'x' }], 'messages[0].role', 'invalid_value'],
	[[{ role: 'user' }], 'messages[0].content', 'missing_required_parameter'],
])('messages %j are refused with 400 on param %s', async (messages, param, code) => {
	const result = await ask({ model: 'gpt-4o', messages });
	expectError(result, 400, code);
	expect(result.body.error).toEqual(
		expect.objectContaining({ type: 'invalid_request_error', param }),
	);
});

test('every supported role is accepted', async () => {
	const messages = ['system', 'developer', 'user', 'assistant', 'tool'].map((role) => ({
		role,
		content: `as ${role}`,
	}));
	expect((await ask({ model: 'gpt-4o', messages })).body.choices[0].message.content).toBe(
		'Echo (gpt-4o): as user',
	);
});

test('n outside 1..128 is refused', async () => {
	expectError(
		await ask({ model: 'gpt-4o', messages: user('x'), n: 0 }),
		400,
		'integer_below_min_value',
	);
});

test('a body that is not JSON is refused with OpenAI parse error', async () => {
	const result = await call(server, 'POST', '/chat/completions', {
		key: USER_KEY_MULTI,
		rawBody: '{"model":',
	});
	expectError(result, 400, null, /^We could not parse the JSON body of your request\./);
});

test('chat answers carry x-ratelimit headers', async () => {
	const result = await ask({ model: 'gpt-4o', messages: user('x') });
	for (const name of ['requests', 'tokens']) {
		expect(Number(result.headers.get(`x-ratelimit-limit-${name}`))).toBeGreaterThan(0);
		expect(Number(result.headers.get(`x-ratelimit-remaining-${name}`))).toBeGreaterThan(0);
		expect(result.headers.get(`x-ratelimit-reset-${name}`)).toMatch(/^(\d+ms|(\d+h)?(\d+m)?\d+(\.\d+)?s)$/);
	}
});

describe('billing', () => {
	test('without headers a user key bills its default organization and its Default project', async () => {
		await ask({ model: 'gpt-4o', messages: user('x') });
		expect(server.state.chatCompletions).toEqual([
			expect.objectContaining({
				organizationId: ORG_ACME,
				projectId: DEFAULT_PROJECT_ACME,
				keyFingerprint: fingerprint(USER_KEY_MULTI),
			}),
		]);
	});

	test('the organization and project headers choose who is billed', async () => {
		const result = await ask(
			{ model: 'gpt-4o', messages: user('x') },
			{ organization: ORG_GLOBEX, project: PROJECT_GLOBEX_RESEARCH },
		);
		expect(server.state.chatCompletions).toEqual([
			expect.objectContaining({
				id: result.body.id,
				organizationId: ORG_GLOBEX,
				projectId: PROJECT_GLOBEX_RESEARCH,
				model: 'gpt-4o',
			}),
		]);
		expect(result.headers.get('openai-organization')).toBe(ORG_GLOBEX);
	});

	test('a project key bills its own project', async () => {
		await ask({ model: 'gpt-4o', messages: user('x') }, { key: PROJECT_KEY_ACME });
		expect(server.state.chatCompletions[0]).toEqual(
			expect.objectContaining({ organizationId: ORG_ACME, projectId: DEFAULT_PROJECT_ACME }),
		);
	});

	test('a refused request bills nobody', async () => {
		await ask({ model: 'gpt-9', messages: user('x') });
		expect(server.state.chatCompletions).toEqual([]);
	});
});
