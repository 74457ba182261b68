import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationOn, operationProperty } from '../../../shared/parameters/operations';
import * as create from './create.operation';
import * as deleteGroup from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as rename from './rename.operation';

export { create, deleteGroup, get, getAll, rename };

export const description: INodeProperties[] = [
	operationProperty('group', [
		operationOn('group', 'create', 'Create a group of the organization\'s users'),
		operationOn('group', 'delete', 'Delete a group; its users lose what it gave them (cannot be undone)'),
		operationOn('group', 'get', 'One group of the organization'),
		getManyOperation('Get many groups', 'The groups of the organization'),
		operationOn('group', 'rename', 'Give a group a new name'),
	]),
	...getAll.description,
	...create.description,
	...get.description,
	...rename.description,
	...deleteGroup.description,
];
