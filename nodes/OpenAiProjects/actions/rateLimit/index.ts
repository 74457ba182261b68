import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationOn, operationProperty } from '../../../shared/parameters/operations';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { getAll, update };

export const description: INodeProperties[] = [
	operationProperty('rateLimit', [
		getManyOperation('Get the rate limits of a project', "List a project's rate limit for each model"),
		operationOn('rate limit of a project', 'update', "Change a model's requests, tokens or other limits in a project"),
	]),
	...getAll.description,
	...update.description,
];
