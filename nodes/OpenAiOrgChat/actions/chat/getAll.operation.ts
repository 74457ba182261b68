import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getManyProperties } from '../../../shared/parameters/getMany';
import type { PreparedItem } from '../../../shared/execution/operation';
import { orderFilter } from '../../helpers/listOrder';
import { prepareScopedList, scopeFields } from '../../helpers/scope';

const properties: INodeProperties[] = [
	{
		displayName:
			'Lists the chat completions of the project that were sent with the option "Store" on; OpenAI keeps them 30 days',
		name: 'storedNotice',
		type: 'notice',
		default: '',
	},
	...scopeFields,
	...getManyProperties([
		{
			displayName: 'Metadata',
			name: 'metadata',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Metadata Pair',
			default: {},
			description: 'Only completions stored with every one of these metadata values',
			options: [
				{
					displayName: 'Pair',
					name: 'pairs',
					values: [
						{ displayName: 'Key', name: 'key', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Model',
			name: 'model',
			type: 'string',
			default: '',
			placeholder: 'gpt-4o-mini',
			description: 'Only completions of this model',
		},
		orderFilter,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['getAll'] } }, properties);

interface Filters {
	model?: string;
	order?: string;
	metadata?: { pairs?: Array<{ key?: string; value?: string }> };
}

/** The filters as OpenAI's query names them: `model`, `order` and `metadata[key]=value`. */
function readFilters(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as Filters;
	const qs: IDataObject = {};
	if (filters.model?.trim()) qs.model = filters.model.trim();
	if (filters.order) qs.order = filters.order;
	for (const { key = '', value = '' } of filters.metadata?.pairs ?? []) {
		if (!key.trim()) {
			throw new NodeOperationError(this.getNode(), '"Metadata" has a pair without a key', {
				itemIndex,
				description: 'Give every pair a key, or remove it.',
			});
		}
		qs[`metadata[${key.trim()}]`] = value;
	}
	return qs;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const qs = readFilters.call(this, itemIndex);
	return prepareScopedList.call(this, itemIndex, { path: '/chat/completions', things: 'stored chat completion', qs });
}
