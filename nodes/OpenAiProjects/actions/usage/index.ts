import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['usage'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get completions usage per project',
				description: 'Tokens and requests of chat completions per project over a time range',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
