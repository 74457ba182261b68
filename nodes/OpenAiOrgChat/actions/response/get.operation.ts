import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { readScope, requestOne, scopeFields } from '../../helpers/scope';
import { readResponseId, responseIdField, responsePath } from '../../helpers/storedResponse';

export const description = updateDisplayOptions({ show: { resource: ['response'], operation: ['get'] } }, [
	responseIdField,
	...scopeFields,
]);

/** GET /responses/{id}: a stored response as OpenAI keeps it (its project's key sees it only). */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const id = readResponseId.call(this, itemIndex);
	const context = { scope: readScope.call(this, itemIndex), itemIndex, limits: readRequestLimits.call(this, itemIndex) };
	return { send: async () => [await requestOne.call(this, 'GET', responsePath(id), `response ${id}`, context)] };
}
