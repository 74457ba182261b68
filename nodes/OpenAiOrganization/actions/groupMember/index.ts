import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';

export { add, get, getAll, remove };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['groupMember'] } },
		options: [
			{ name: 'Add', value: 'add', action: 'Add a user to a group', description: 'Put a user of the organization in a group' },
			{ name: 'Get', value: 'get', action: 'Get a user of a group', description: "One of a group's users" },
			{ name: 'Get Many', value: 'getAll', action: 'Get many users of a group', description: "The users of a group, following every page" },
			{ name: 'Remove', value: 'remove', action: 'Remove a user from a group', description: 'Take a user out of a group (they stay in the organization)' },
		],
		default: 'getAll',
	},
	...getAll.description,
	...add.description,
	...get.description,
	...remove.description,
];
