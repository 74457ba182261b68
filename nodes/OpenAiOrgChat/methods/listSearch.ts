import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { checkScopeOverrides, openAiRequest } from '../../shared/transport';
import { loadForPicker } from '../../shared/methods/pickerErrors';
import { chatModelsFor, fineTunedModelsFor } from '../helpers/models';
import type { ModelEntry } from '../helpers/models';

/**
 * An override written as an expression depends on the item, which a model picker does not have:
 * then the credential's value is used. A fixed value (with or without the leading "=") is used as is.
 */
function fixedOverride(this: ILoadOptionsFunctions, name: string): string {
	const raw = this.getCurrentNodeParameter(name);
	if (typeof raw !== 'string') return '';
	const value = raw.startsWith('=') ? raw.slice(1) : raw;
	return value.includes('{{') ? '' : value.trim();
}

/** The models this key may use under the organization and project the call itself will use, as `pick` keeps them. */
async function searchModelList(
	context: ILoadOptionsFunctions,
	pick: (models: ModelEntry[], filter?: string) => ModelEntry[],
	filter?: string,
): Promise<INodeListSearchResult> {
	return await loadForPicker(context, async () => {
		const response = await openAiRequest.call(context, {
			method: 'GET',
			path: '/models',
			scope: checkScopeOverrides.call(context, {
				organizationId: fixedOverride.call(context, 'organizationId'),
				projectId: fixedOverride.call(context, 'projectId'),
			}),
			maxRetries: 1,
		});
		const { data } = (response.body ?? {}) as { data?: unknown };
		const models = Array.isArray(data) ? (data as ModelEntry[]) : [];
		return {
			results: pick(models, filter).map((model) => ({
				name: model.id,
				value: model.id,
				url: `https://platform.openai.com/docs/models/${model.id}`,
			})),
		};
	});
}

/** The chat models this key may use. */
export async function searchModels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchModelList(this, chatModelsFor, filter);
}

/** The fine-tuned models of the organization, the only ones that can be deleted. */
export async function searchFineTunedModels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchModelList(this, fineTunedModelsFor, filter);
}
