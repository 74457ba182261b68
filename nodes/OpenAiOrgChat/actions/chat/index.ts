import type { INodeProperties } from 'n8n-workflow';

import * as complete from './complete.operation';
import * as getAll from './getAll.operation';

export { complete, getAll };

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
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many stored chat completions',
				description: 'List the chat completions the project stored, by model and metadata',
			},
		],
		default: 'complete',
	},
	...complete.description,
	...getAll.description,
];
