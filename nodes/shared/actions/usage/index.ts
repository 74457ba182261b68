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
				action: 'Get usage per project',
				description:
					'Usage of one kind (completions, embeddings, images…) per project over a time range. The same operation in OpenAI Projects and OpenAI Organization: use either.',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
