import type { INodeProperties } from 'n8n-workflow';

import * as complete from './complete.operation';

export { complete };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chat'] } },
		options: [
			{
				name: 'Complete',
				value: 'complete',
				action: 'Complete a chat',
				description:
					'Send a conversation and get the next answer, billed to the chosen organization and project',
			},
		],
		default: 'complete',
	},
	...complete.description,
];
