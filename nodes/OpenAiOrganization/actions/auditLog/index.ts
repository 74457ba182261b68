import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['auditLog'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get audit log events',
				description: 'Who did what in the organization, newest first, one item per event',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
