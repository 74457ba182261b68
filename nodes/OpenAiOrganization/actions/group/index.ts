import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteGroup from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as rename from './rename.operation';

export { create, deleteGroup, get, getAll, rename };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a group', description: 'Create a group of the organization\'s users' },
			{ name: 'Delete', value: 'delete', action: 'Delete a group', description: 'Delete a group; its users lose what it gave them (cannot be undone)' },
			{ name: 'Get', value: 'get', action: 'Get a group', description: 'One group of the organization' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many groups', description: 'The groups of the organization' },
			{ name: 'Rename', value: 'rename', action: 'Rename a group', description: 'Give a group a new name' },
		],
		default: 'getAll',
	},
	...getAll.description,
	...create.description,
	...get.description,
	...rename.description,
	...deleteGroup.description,
];
