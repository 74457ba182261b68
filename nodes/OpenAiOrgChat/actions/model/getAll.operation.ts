import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { fineTunedModelsFor } from '../../helpers/models';
import { readScope, scopeFields } from '../../helpers/scope';

export const description = updateDisplayOptions({ show: { resource: ['model'], operation: ['getAll'] } }, [
	...scopeFields,
	{
		displayName: 'Fine-Tuned Only',
		name: 'fineTunedOnly',
		type: 'boolean',
		default: false,
		description: "Whether to list only the organization's fine-tuned models (the ones that can be deleted)",
	},
]);

/** GET /models answers every model the key may use in one list (the contract pages it not). */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const fineTunedOnly = this.getNodeParameter('fineTunedOnly', itemIndex, false) === true;
	const scope = readScope.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () => {
			const response = await openAiRequest.call(this, { method: 'GET', path: '/models', scope, itemIndex, ...limits });
			const { data } = response.body as { data?: unknown };
			const models = Array.isArray(data) ? (data as Array<IDataObject & { id: string }>) : [];
			return fineTunedOnly ? fineTunedModelsFor(models) : models;
		},
	};
}
