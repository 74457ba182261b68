import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LocatedKind } from '../../shared/resources/projectMembers';
import { requestOne } from './scope';
import type { ScopedContext } from './scope';

/** Any model: OpenAI's own ("gpt-4o-mini") or a fine-tuned one ("ft:gpt-4o-mini:acme::abc123"). */
export const ANY_MODEL: LocatedKind = {
	parameter: 'modelId',
	label: 'Model',
	noun: 'model',
	idPattern: /^[A-Za-z0-9][A-Za-z0-9:._-]*$/,
	example: 'gpt-4o-mini',
	searchMethod: 'searchModels',
};

/** A fine-tuned model, the only kind an organization may delete. */
export const FINE_TUNED_MODEL: LocatedKind = {
	...ANY_MODEL,
	idPattern: /^ft:[A-Za-z0-9:._-]+$/,
	example: 'ft:gpt-4o-mini:my-org::abc123',
	searchMethod: 'searchFineTunedModels',
};

/** The item's model ID, checked before any request. */
export function readModelId(this: IExecuteFunctions, itemIndex: number): string {
	const id = String(this.getNodeParameter('modelId', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!id) {
		throw new NodeOperationError(this.getNode(), '"Model" is empty: pick a model from the list or enter its ID', {
			itemIndex,
		});
	}
	return id;
}

/** GET /models/{model}: the model as OpenAI describes it, or its 404 naming the model. */
export async function readModel(this: IExecuteFunctions, id: string, context: ScopedContext): Promise<IDataObject> {
	return await requestOne.call(this, 'GET', modelPath(id), `model ${id}`, context);
}

export function modelPath(id: string): string {
	return `/models/${encodeURIComponent(id)}`;
}
