import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['rateLimit'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get the rate limits of a project',
				description: "List a project's rate limit for each model",
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a rate limit of a project',
				description: "Change a model's requests, tokens or other limits in a project",
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...update.description,
];
