import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationOn, operationProperty } from '../../../shared/parameters/operations';
import * as complete from './complete.operation';
import * as getAll from './getAll.operation';

export { complete, getAll };

export const description: INodeProperties[] = [
	operationProperty(
		'chat',
		[
			operationOn('chat', 'complete', 'Send a conversation and get the next answer, billed to the chosen organization and project'),
			getManyOperation('Get many stored chat completions', 'List the chat completions the project stored, by model and metadata'),
		],
		'complete',
	),
	...complete.description,
	...getAll.description,
];
