import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/parameters/operations';
import * as complete from './complete.operation';

export { complete };

export const description: INodeProperties[] = [
	operationProperty('chat', [
		{
			name: 'Complete',
			value: 'complete',
			action: 'Complete a chat',
			description:
				'Send a conversation and get the next answer, billed to the chosen organization and project',
		},
	], 'complete'),
	...complete.description,
];
