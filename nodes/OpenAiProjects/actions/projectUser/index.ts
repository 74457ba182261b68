import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationProperty } from '../../../shared/parameters/operations';
import * as add from './add.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';
import * as update from './update.operation';

export { add, get, getAll, remove, update };

export const description: INodeProperties[] = [
	operationProperty('projectUser', [
		{
			name: 'Add',
			value: 'add',
			action: 'Add a user to a project',
			description: 'Add a member of the organization to a project, as owner or member',
		},
		{
			name: 'Change Role',
			value: 'update',
			action: 'Change the role of a user in a project',
			description: "Make a project's user an owner or a member",
		},
		{ name: 'Get', value: 'get', action: 'Get a user of a project', description: "Get one of a project's users" },
		getManyOperation('Get many users of a project', "List a project's users, following every page"),
		{
			name: 'Remove',
			value: 'remove',
			action: 'Remove a user from a project',
			description: 'Take a user out of a project (the last owner cannot be removed)',
		},
	]),
	...getAll.description,
	...add.description,
	...get.description,
	...update.description,
	...remove.description,
];
