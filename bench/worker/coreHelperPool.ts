/* eslint-disable @typescript-eslint/no-require-imports -- bench code: loads n8n-core's request helper the way the harness loads n8n-core */
import '../../test/harness';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { PROJECT_KEY_ACME } from '../../test/openai-server/fixtures';
import { chatRequest, promisePool } from './plainClients';
import type { ChatApi, TaskOutcome } from './protocol';

type HttpRequest = (options: IHttpRequestOptions) => Promise<{ statusCode: number; body: unknown }>;

// The helper behind this.helpers.httpRequest(WithAuthentication), without any node, credential or engine around it.
const { httpRequest } = require('n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions') as {
	httpRequest: HttpRequest;
};

/** chatWithPool's requests, sent through n8n-core's request helper instead of fetch. */
export async function chatWithCoreHelper(
	baseUrl: string,
	items: number,
	concurrency: number,
	api: ChatApi = 'chatCompletions',
): Promise<TaskOutcome> {
	return await promisePool(items, concurrency, async (index) => {
		const request = chatRequest(api, index);
		const response = await httpRequest({
			method: 'POST',
			url: `${baseUrl}${request.path}`,
			headers: { Authorization: `Bearer ${PROJECT_KEY_ACME}` },
			body: request.body as IHttpRequestOptions['body'],
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
		return response.statusCode === 200;
	});
}
