import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['cost'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get costs per project',
				description:
					'Costs per day and project over a time range, or totals per project. The same operation in OpenAI Projects and OpenAI Organization: use either.',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
