/* eslint-disable @typescript-eslint/no-require-imports -- bench code: loads n8n-core's request helper the way the harness loads n8n-core */
import '../../test/harness';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { PROJECT_KEY_ACME } from '../../test/openai-server/fixtures';
import { promisePool } from './plainClients';
import type { TaskOutcome } from './protocol';

type HttpRequest = (options: IHttpRequestOptions) => Promise<{ statusCode: number; body: unknown }>;

// The helper behind this.helpers.httpRequest(WithAuthentication), without any node, credential or engine around it.
const { httpRequest } = require('n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions') as {
	httpRequest: HttpRequest;
};

/** chatWithPool's requests, sent through n8n-core's request helper instead of fetch. */
export async function chatWithCoreHelper(baseUrl: string, items: number, concurrency: number): Promise<TaskOutcome> {
	return await promisePool(items, concurrency, async (index) => {
		const response = await httpRequest({
			method: 'POST',
			url: `${baseUrl}/chat/completions`,
			headers: { Authorization: `Bearer ${PROJECT_KEY_ACME}` },
			body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Question ${index}` }] },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
		return response.statusCode === 200;
	});
}
