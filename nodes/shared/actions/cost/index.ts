import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationProperty } from '../../parameters/operations';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	operationProperty('cost', [
		getManyOperation(
			'Get costs per project',
			'Costs per day and project over a time range, or totals per project. The same operation in OpenAI Projects and OpenAI Organization: use either.',
		),
	]),
	...getAll.description,
];
