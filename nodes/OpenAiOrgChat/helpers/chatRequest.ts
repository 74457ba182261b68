import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkScopeOverrides } from '../../shared/transport';
import type { ScopeOverrides } from '../../shared/transport';
import { readCompletionOptions } from './completionOptions';
import { readMessages } from './messages';

/** One item's chat completion request, read and checked: what Complete sends, and what a batch line holds. */
export interface ChatRequest {
	model: string;
	body: IDataObject;
	jsonMode: boolean;
	scope: ScopeOverrides;
}

export function readChatRequest(this: IExecuteFunctions, itemIndex: number): ChatRequest {
	const model = String(this.getNodeParameter('model', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!model) {
		throw new NodeOperationError(this.getNode(), '"Model" is empty: pick a model from the list or enter its ID', {
			itemIndex,
		});
	}
	const messages = readMessages.call(this, itemIndex);
	const settings = readCompletionOptions.call(this, itemIndex, messages);
	const scope = checkScopeOverrides.call(this, {
		organizationId: String(this.getNodeParameter('organizationId', itemIndex, '') ?? ''),
		projectId: String(this.getNodeParameter('projectId', itemIndex, '') ?? ''),
		itemIndex,
	});
	return {
		model,
		body: { model, messages: messages as unknown as IDataObject[], ...settings.body },
		jsonMode: settings.jsonMode,
		scope,
	};
}
