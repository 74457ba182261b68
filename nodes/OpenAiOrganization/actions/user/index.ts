import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationOn, operationProperty } from '../../../shared/parameters/operations';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';
import * as updateRole from './updateRole.operation';

export { get, getAll, remove, updateRole };

export const description: INodeProperties[] = [
	operationProperty('user', [
		{ name: 'Change Role', value: 'updateRole', action: 'Change the role of a user', description: 'Make a user an owner or a reader of the organization' },
		operationOn('user', 'get', 'One user of the organization'),
		getManyOperation('Get many users', 'The users of the organization, optionally by email'),
		operationOn('user', 'remove', 'Remove a user from the organization (cannot be undone)'),
	]),
	...getAll.description,
	...get.description,
	...updateRole.description,
	...remove.description,
];
