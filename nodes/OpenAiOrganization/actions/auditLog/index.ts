import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationProperty } from '../../../shared/parameters/operations';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	operationProperty('auditLog', [
		getManyOperation('Get audit log events', 'Who did what in the organization, newest first, one item per event'),
	]),
	...getAll.description,
];
