import { checkCompletionOptions } from '../../nodes/OpenAiOrgChat/helpers/completionOptions';
import { checkMessages } from '../../nodes/OpenAiOrgChat/helpers/messages';
import type { ChatMessage } from '../../nodes/OpenAiOrgChat/helpers/messages';

const ASK: ChatMessage[] = [{ role: 'user', content: 'Hello' }];
const ASK_FOR_JSON: ChatMessage[] = [{ role: 'system', content: 'Answer in JSON.' }, ...ASK];

describe('completion options', () => {
	test('become request fields as OpenAI names them; unset ones are left out', () => {
		expect(
			checkCompletionOptions(
				{ temperature: 0.2, topP: '0.9', maxCompletionTokens: 256, seed: 7, stop: '["END", "\\n\\n"]', user: 'u-1', reasoningEffort: 'low', responseFormat: '' },
				ASK,
			),
		).toEqual({
			body: { temperature: 0.2, top_p: 0.9, max_completion_tokens: 256, seed: 7, stop: ['END', '\n\n'], user: 'u-1', reasoning_effort: 'low' },
			jsonMode: false,
		});
		expect(checkCompletionOptions({}, ASK)).toEqual({ body: {}, jsonMode: false });
		expect(checkCompletionOptions({ stop: 'END' }, ASK)).toEqual({ body: { stop: ['END'] }, jsonMode: false });
	});

	test('JSON mode asks for a JSON object and needs the word JSON in a message', () => {
		expect(checkCompletionOptions({ responseFormat: 'json_object' }, ASK_FOR_JSON)).toEqual({
			body: { response_format: { type: 'json_object' } },
			jsonMode: true,
		});
		expect(checkCompletionOptions({ responseFormat: 'json_object' }, ASK)).toEqual(
			expect.objectContaining({ problem: '"Response Format" is JSON, but no message contains the word "JSON"' }),
		);
	});

	test.each([
		[{ temperature: 3 }, '"Temperature" must be between 0 and 2, not 3'],
		[{ topP: -1 }, '"Top P" must be between 0 and 1, not -1'],
		[{ maxCompletionTokens: 1.5 }, '"Max Completion Tokens" must be a whole number of at least 1, not 1.5'],
		[{ seed: 'x' }, '"Seed" must be a whole number, not x'],
		[{ stop: '["a","b","c","d","e"]' }, '"Stop Sequences" must be one text or an array of 1 to 4 non-empty texts'],
		[{ user: 5 }, '"User" must be text, not number'],
		[{ reasoningEffort: 'max' }, '"Reasoning Effort" must be one of none, minimal, low, medium, high, not "max"'],
		[{ responseFormat: 'xml' }, '"Response Format" must be text, json_object or json_schema, not "xml"'],
	])('refuses %j before any request', (options, problem) => {
		expect(checkCompletionOptions(options, ASK)).toEqual(expect.objectContaining({ problem }));
	});
});

describe('completion options for the Responses API', () => {
	test('are named as the Responses API names them', () => {
		expect(
			checkCompletionOptions(
				{ maxCompletionTokens: 64, reasoningEffort: 'high', serviceTier: 'flex', store: true, metadata: '{"team": "ops"}', responseFormat: 'json_object' },
				ASK,
				'responses',
				'Answer in JSON.',
			),
		).toEqual({
			body: {
				max_output_tokens: 64,
				reasoning: { effort: 'high' },
				service_tier: 'flex',
				store: true,
				metadata: { team: 'ops' },
				text: { format: { type: 'json_object' } },
			},
			jsonMode: true,
		});
	});

	test.each([
		[{ seed: 1 }, '"Seed" is an option of Chat Completions; the Responses API has none'],
		[{ maxCompletionTokens: 8 }, '"Max Completion Tokens" must be at least 16 for the Responses API, not 8'],
		[{ serviceTier: 'scale' }, '"Service Tier" must be one of auto, default, flex, priority, not "scale"'],
		[{ metadata: '{"n": 1}' }, '"Metadata" must be a JSON object of up to 16 texts, e.g. {"team": "support"}'],
		[{ responseFormat: 'json_schema', schemaName: 'a b' }, '"Schema Name" may hold only letters, digits, _ and - (up to 64), not "a b"'],
	])('refuses %j before any request', (options, problem) => {
		const schema = { jsonSchema: { type: 'object', properties: {} } };
		const withSchema = 'schemaName' in options ? { ...schema, ...options } : options;
		expect(checkCompletionOptions(withSchema, ASK, 'responses')).toEqual(expect.objectContaining({ problem }));
	});
});

describe('messages', () => {
	test('a list of {role, content} goes out as it is', () => {
		expect(checkMessages(ASK_FOR_JSON, 'Messages')).toEqual({ messages: ASK_FOR_JSON });
	});

	test.each([
		['not a list', '"Messages" must be an array of {role, content} objects, not string'],
		[[], '"Messages" is empty: add at least one message'],
		[['hi'], '"Messages" message 1 must be an object with a role and a content'],
		[[{ role: 'robot', content: 'x' }], '"Messages" message 1 has the role "robot"; use one of system, developer, user, assistant'],
		[[{ role: 'user', content: null }], '"Messages" message 1 needs its content as text, not null'],
		[[...ASK, { role: 'user', content: '  ' }], '"Messages" message 2 (user) has empty content'],
	])('names the message to fix: %j', (list, problem) => {
		expect(checkMessages(list, 'Messages')).toEqual({ problem });
	});
});
