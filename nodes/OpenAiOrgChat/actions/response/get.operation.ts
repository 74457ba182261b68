import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { readableResponse } from '../../helpers/responses';
import type { ModelResponse } from '../../helpers/responses';
import { readScope, requestOne, scopeFields } from '../../helpers/scope';
import { readResponseId, responseIdField, responsePath } from '../../helpers/storedResponse';

export const description = updateDisplayOptions({ show: { resource: ['response'], operation: ['get'] } }, [
	{
		...responseIdField,
		description: 'The stored response to get, e.g. one that Chat > Complete started with the option "Background"',
	},
	...scopeFields,
]);

/**
 * GET /responses/{id}: a stored response as OpenAI keeps it (its project's key sees it only), led by its status, its
 * text and, while it is queued or running in the background, when to look again.
 */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const id = readResponseId.call(this, itemIndex);
	const context = { scope: readScope.call(this, itemIndex), itemIndex, limits: readRequestLimits.call(this, itemIndex) };
	return {
		send: async () => {
			const found = (await requestOne.call(this, 'GET', responsePath(id), `response ${id}`, context)) as ModelResponse;
			return [{ ...readableResponse(found), ...found }];
		},
	};
}
