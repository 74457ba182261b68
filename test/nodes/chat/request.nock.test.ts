import nock from 'nock';

import { runWorkflow, singleNodeWorkflow } from '../../harness';
import { ORG_GLOBEX, PROJECT_GLOBEX_RESEARCH, USER_KEY_MULTI } from '../../openai-server';
import { CHAT_NODE_TYPE, NODE_NAME, expectNoFullKeyIn, model } from './support';

const BASE_URL = 'https://api.openai.test/v1';
const COMPLETION = {
	id: 'chatcmpl-1',
	object: 'chat.completion',
	created: 1,
	model: 'gpt-4o',
	choices: [{ index: 0, message: { role: 'assistant', content: 'Paris' }, finish_reason: 'stop' }],
	usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
};

async function runOneItem(
	parameters: Record<string, unknown>,
	credential: Record<string, unknown>,
) {
	const workflow = singleNodeWorkflow({
		type: CHAT_NODE_TYPE,
		name: NODE_NAME,
		parameters: {
			model: model('gpt-4o'),
			messages: { values: [{ role: 'user', content: 'Capital of France?' }] },
			...parameters,
		},
		credentials: { openAiOrgApi: { id: 'c1', name: 'OpenAI Org' } },
	});
	return await runWorkflow(workflow, {
		credentials: { c1: { apiKey: USER_KEY_MULTI, baseUrl: BASE_URL, ...credential } },
	});
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('the request the node sends for one item', () => {
	test('every option becomes its OpenAI field, and the override headers replace the credential ones', async () => {
		const scope = nock(BASE_URL, {
			reqheaders: {
				authorization: `Bearer ${USER_KEY_MULTI}`,
				'openai-organization': ORG_GLOBEX,
				'openai-project': PROJECT_GLOBEX_RESEARCH,
			},
		})
			.post('/chat/completions', {
				model: 'gpt-4o',
				messages: [{ role: 'user', content: 'Capital of France?' }],
				temperature: 0.2,
				top_p: 0.9,
				max_completion_tokens: 50,
				seed: 7,
				stop: ['END', '\n\n'],
				user: 'user-42',
				reasoning_effort: 'low',
			})
			.reply(200, COMPLETION, { 'x-request-id': 'req_abc' });

		const result = await runOneItem(
			{
				organizationId: ORG_GLOBEX,
				projectId: PROJECT_GLOBEX_RESEARCH,
				options: {
					temperature: 0.2,
					topP: 0.9,
					maxCompletionTokens: 50,
					seed: 7,
					stop: '["END", "\\n\\n"]',
					user: 'user-42',
					reasoningEffort: 'low',
				},
			},
			{ organizationId: 'org-DXRnxE3rfWAoA4ginV5D1a' },
		);

		expect(scope.isDone()).toBe(true);
		expect(result.nodes[NODE_NAME].items[0]).toEqual({
			content: 'Paris',
			role: 'assistant',
			finish_reason: 'stop',
			model: 'gpt-4o',
			usage: COMPLETION.usage,
			id: 'chatcmpl-1',
			organizationId: ORG_GLOBEX,
			projectId: PROJECT_GLOBEX_RESEARCH,
			requestId: 'req_abc',
		});
		expectNoFullKeyIn(result.nodes, result.error, result.logs);
	});

	test('with no organization or project anywhere, neither header is sent, not even empty', async () => {
		const scope = nock(BASE_URL, { badheaders: ['openai-organization', 'openai-project'] })
			.post('/chat/completions', {
				model: 'gpt-4o',
				messages: [{ role: 'user', content: 'Capital of France?' }],
			})
			.reply(200, COMPLETION);

		const result = await runOneItem({}, { organizationId: '', projectId: '' });

		expect(scope.isDone()).toBe(true);
		expect(result.nodes[NODE_NAME].items[0]).toMatchObject({
			content: 'Paris',
			organizationId: '',
			projectId: '',
		});
	});
});
