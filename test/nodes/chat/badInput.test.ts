import { PROJECT_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { expectNoFullKeyIn, runChat, serveTestServer, userMessage } from './support';

let server: OpenAiTestServer;
serveTestServer({}, (started) => (server = started));

const json = (value: unknown) => ({ messagesSource: 'json', messagesJson: JSON.stringify(value) });
const hello = { messages: userMessage('Hello') };

const cases: Array<[string, Record<string, unknown>, RegExp]> = [
	['an empty messages list', { messages: { values: [] } }, /"Messages" is empty/],
	[
		'empty content',
		{ messages: userMessage('   ') },
		/"Messages" message 1 \(user\) has empty content/,
	],
	[
		'an unknown role',
		json([{ role: 'robot', content: 'Hi' }]),
		/"Messages \(JSON\)" message 1 has the role "robot"/,
	],
	[
		'a messages expression that is not an array',
		{ messagesSource: 'json', messagesJson: '={{ { role: "user" } }}' },
		/"Messages \(JSON\)" must be an array/,
	],
	[
		'messages JSON that does not parse',
		{ messagesSource: 'json', messagesJson: '[{"role": "user",' },
		/"Messages \(JSON\)" is not valid JSON/,
	],
	[
		'a message without content',
		json([{ role: 'user' }]),
		/"Messages \(JSON\)" message 1 needs its content as text/,
	],
	[
		'a temperature above 2',
		{ ...hello, options: { temperature: 2.5 } },
		/"Temperature" must be between 0 and 2/,
	],
	['a top_p above 1', { ...hello, options: { topP: 1.5 } }, /"Top P" must be between 0 and 1/],
	[
		'max tokens below 1',
		{ ...hello, options: { maxCompletionTokens: 0 } },
		/"Max Completion Tokens" must be a whole number of at least 1/,
	],
	[
		'an unknown response format',
		{ ...hello, options: { responseFormat: '={{ "xml" }}' } },
		/"Response Format" must be text, json_object or json_schema/,
	],
	[
		'JSON mode without the word JSON',
		{ ...hello, options: { responseFormat: 'json_object' } },
		/no message contains the word "JSON"/,
	],
	[
		'five stop sequences',
		{ ...hello, options: { stop: '["a","b","c","d","e"]' } },
		/"Stop Sequences"/,
	],
	[
		'zero items at once',
		{ ...hello, options: { itemsAtOnce: 0 } },
		/"Items at Once" must be a whole number from 1 to 50/,
	],
	[
		'51 items at once',
		{ ...hello, options: { itemsAtOnce: 51 } },
		/"Items at Once" must be a whole number from 1 to 50/,
	],
	[
		'a malformed organization override',
		{ ...hello, organizationId: 'acme' },
		/"Organization ID" must look like org-/,
	],
];

describe('bad input is refused before any request', () => {
	test.each(cases)(
		'%s names the parameter and sends nothing',
		async (_name, parameters, message) => {
			const result = await runChat(server, {
				credential: { apiKey: PROJECT_KEY_ACME },
				parameters,
			});

			expect(result.finished).toBe(false);
			expect(result.error?.message).toMatch(message);
			expect(server.requests).toHaveLength(0);
			expectNoFullKeyIn(result);
		},
	);

	test('the JSON-mode refusal says that OpenAI requires the word', async () => {
		const result = await runChat(server, {
			credential: { apiKey: PROJECT_KEY_ACME },
			parameters: { ...hello, options: { responseFormat: 'json_object' } },
		});

		expect(result.error?.description).toMatch(
			/OpenAI refuses JSON mode unless the conversation asks for JSON/,
		);
	});

	test('a bad item among good ones stops the run before the good ones are sent', async () => {
		const result = await runChat(server, {
			credential: { apiKey: PROJECT_KEY_ACME },
			inputItems: [{ text: 'one' }, { text: 'two' }, { text: '' }],
			parameters: { messages: userMessage('={{ $json.text }}'), options: { itemsAtOnce: 3 } },
		});

		expect(result.error?.message).toBe('"Messages" message 1 (user) has empty content');
		expect(server.requests).toHaveLength(0);
	});

	test('a malformed organization override in a later item stops the run before the others are sent', async () => {
		const result = await runChat(server, {
			credential: { apiKey: PROJECT_KEY_ACME },
			inputItems: [{ org: '' }, { org: '' }, { org: 'acme' }],
			parameters: { ...hello, organizationId: '={{ $json.org }}', options: { itemsAtOnce: 1 } },
		});

		expect(result.error?.message).toBe('"Organization ID" must look like org-AbC123…, not "acme"');
		expect(server.requests).toHaveLength(0);
	});
});
