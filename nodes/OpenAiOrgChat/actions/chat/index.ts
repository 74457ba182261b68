import type { INodeProperties } from 'n8n-workflow';

import { operationOn, operationProperty } from '../../../shared/parameters/operations';
import * as complete from './complete.operation';

export { complete };

export const description: INodeProperties[] = [
	operationProperty('chat', [
		operationOn('chat', 'complete', 'Send a conversation and get the next answer, billed to the chosen organization and project'),
	], 'complete'),
	...complete.description,
];
