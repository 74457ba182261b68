import type { INodeProperties } from 'n8n-workflow';

import * as del from './delete.operation';
import * as get from './get.operation';

export { del as delete, get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['response'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a stored response',
				description: 'Delete a stored response; its conversation can no longer be continued',
			},
			{ name: 'Get', value: 'get', action: 'Get a stored response', description: 'Get a stored response of the Responses API' },
		],
		default: 'get',
	},
	...get.description,
	...del.description,
];
