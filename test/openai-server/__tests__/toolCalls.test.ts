/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { PROJECT_KEY_ACME, startOpenAiTestServer, type OpenAiTestServer } from '..';
import { call } from './client';

/** The test server's model with tools: what an AI Agent (issue 32) meets. */
let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer({ now: () => Date.UTC(2026, 10, 1, 12) });
});
afterAll(() => server.close());

const tools = [
	{
		type: 'function',
		function: {
			name: 'OpenAI_Projects',
			description: 'Lists the projects',
			parameters: { type: 'object', properties: { query: { type: 'string' }, limit: { type: 'integer' } }, required: ['query', 'limit'] },
		},
	},
];
const ask = (messages: unknown[], withTools = true) =>
	call(server, 'POST', '/chat/completions', {
		key: PROJECT_KEY_ACME,
		body: { model: 'gpt-4o-mini', messages, ...(withTools ? { tools } : {}) },
	});

test('offered tools, the model calls the first one with every required argument', async () => {
	const result = await ask([{ role: 'user', content: 'How many projects?' }]);
	expect(result.status).toBe(200);
	const [choice] = result.body.choices;
	expect(choice.finish_reason).toBe('tool_calls');
	expect(choice.message.content).toBeNull();
	const [toolCall] = choice.message.tool_calls;
	expect(toolCall).toMatchObject({ type: 'function', function: { name: 'OpenAI_Projects' } });
	expect(toolCall.id).toMatch(/^call_/);
	expect(JSON.parse(toolCall.function.arguments)).toEqual({ query: 'How many projects?', limit: 0 });
});

test('once the tool has answered, the model says how many entries it returned', async () => {
	const call1 = { id: 'call_1', type: 'function', function: { name: 'OpenAI_Projects', arguments: '{}' } };
	const conversation = (toolContent: string) => [
		{ role: 'user', content: 'How many projects?' },
		{ role: 'assistant', content: null, tool_calls: [call1] },
		{ role: 'tool', tool_call_id: 'call_1', content: toolContent },
	];
	const listed = await ask(conversation(JSON.stringify([{ id: 'a' }, { id: 'b' }, { id: 'c' }])));
	expect(listed.body.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'The tool returned 3 entries.' } });
	const wrapped = await ask(conversation(JSON.stringify({ response: [{ id: 'a' }] })));
	expect(wrapped.body.choices[0].message.content).toBe('The tool returned 1 entry.');
	const prose = await ask(conversation('no list here'));
	expect(prose.body.choices[0].message.content).toBe('The tool answered, but not with a list I can count.');
});

test('without tools the model still echoes', async () => {
	const result = await ask([{ role: 'user', content: 'Hello' }], false);
	expect(result.body.choices[0].message.content).toBe('Echo (gpt-4o-mini): Hello');
	expect(result.body.choices[0].message.tool_calls).toBeUndefined();
});
