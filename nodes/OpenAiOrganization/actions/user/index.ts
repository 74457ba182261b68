import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';
import * as updateRole from './updateRole.operation';

export { get, getAll, remove, updateRole };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{ name: 'Change Role', value: 'updateRole', action: 'Change the role of a user', description: 'Make a user an owner or a reader of the organization' },
			{ name: 'Get', value: 'get', action: 'Get a user', description: 'One user of the organization' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many users', description: 'The users of the organization, optionally by email' },
			{ name: 'Remove', value: 'remove', action: 'Remove a user', description: 'Remove a user from the organization (cannot be undone)' },
		],
		default: 'getAll',
	},
	...getAll.description,
	...get.description,
	...updateRole.description,
	...remove.description,
];
