import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { searchFineTunedModels, searchModels } from '../../../nodes/OpenAiOrgChat/methods/listSearch';
import {
	FT_MODEL_ACME,
	FT_MODEL_ACME_SUPPORT,
	FT_MODEL_GLOBEX,
	ORG_ACME,
	ORG_GLOBEX,
	PROJECT_GLOBEX_RESEARCH,
	USER_KEY_MULTI,
} from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { pickerContext as sharedPickerContext } from '../pickerContext';
import { serveTestServer } from './support';

let server: OpenAiTestServer;
serveTestServer({}, (started) => (server = started));

/** The model picker's context: the node's current parameters, and requests authenticated by the real credential. */
function pickerContext(nodeParameters: Record<string, unknown>, credential: IDataObject): ILoadOptionsFunctions {
	return sharedPickerContext({ credential, nodeParameters, node: { name: 'Chat', type: 'openAiOrgChat' } });
}

describe('the model picker', () => {
	test('lists chat models only, under the organization and project the node overrides', async () => {
		const context = pickerContext(
			{ organizationId: ORG_GLOBEX, projectId: PROJECT_GLOBEX_RESEARCH },
			{ apiKey: USER_KEY_MULTI, organizationId: ORG_ACME, projectId: '', baseUrl: server.url },
		);

		const { results } = await searchModels.call(context);

		const [request] = server.requests;
		expect(request.path).toBe('/v1/models');
		expect(request.headers['openai-organization']).toBe(ORG_GLOBEX);
		expect(request.headers['openai-project']).toBe(PROJECT_GLOBEX_RESEARCH);
		const names = results.map((result) => result.name);
		// The organization's own fine-tuned chat model is offered with OpenAI's; another organization's is not.
		expect(names).toEqual([FT_MODEL_GLOBEX, 'gpt-3.5-turbo', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini', 'o3-mini']);
		// Image, speech and embedding models cannot chat: the picker does not offer them.
		for (const other of ['dall-e-3', 'text-embedding-3-small', 'tts-1', 'whisper-1']) expect(names).not.toContain(other);
	});

	test("filters by the search text, and an expression override falls back to the credential's organization", async () => {
		const context = pickerContext(
			{ organizationId: '={{ $json.org }}', projectId: '' },
			{ apiKey: USER_KEY_MULTI, organizationId: ORG_GLOBEX, projectId: '', baseUrl: server.url },
		);

		const { results } = await searchModels.call(context, 'MINI');

		expect(results.map((result) => result.value)).toEqual([
			FT_MODEL_GLOBEX,
			'gpt-4.1-mini',
			'gpt-4o-mini',
			'o3-mini',
		]);
		expect(server.requests[0].headers['openai-organization']).toBe(ORG_GLOBEX);
		expect(server.requests[0].headers).not.toHaveProperty('openai-project');
	});

	test("the delete picker offers only the organization's fine-tuned models", async () => {
		const context = pickerContext({}, { apiKey: USER_KEY_MULTI, organizationId: ORG_ACME, projectId: '', baseUrl: server.url });

		const { results } = await searchFineTunedModels.call(context);

		expect(results.map((result) => result.value)).toEqual([FT_MODEL_ACME, FT_MODEL_ACME_SUPPORT]);
	});
});
