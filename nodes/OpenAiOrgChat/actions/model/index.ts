import type { INodeProperties } from 'n8n-workflow';

import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { del as delete, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['model'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a fine tuned model',
				description: 'Delete a fine-tuned model of the organization (needs the Owner role)',
			},
			{ name: 'Get', value: 'get', action: 'Get a model', description: 'Get one model: its owner and dates' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many models',
				description: 'List the models this key may use, or only the fine-tuned ones',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...get.description,
	...del.description,
];
