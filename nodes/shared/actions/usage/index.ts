import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationProperty } from '../../parameters/operations';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	operationProperty('usage', [
		getManyOperation(
			'Get usage per project',
			'Usage of one kind (completions, embeddings, images…) per project over a time range. The same operation in OpenAI Projects and OpenAI Organization: use either.',
		),
	]),
	...getAll.description,
];
