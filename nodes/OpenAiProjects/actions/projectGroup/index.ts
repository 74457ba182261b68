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
		displayOptions: { show: { resource: ['projectGroup'] } },
		options: [
			{ name: 'Add', value: 'add', action: 'Give a group access to a project', description: 'Give a group of the organization a project, with a project role' },
			{ name: 'Get', value: 'get', action: 'Get a group of a project', description: 'One group that has access to a project' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many groups of a project', description: 'The groups that have access to a project, following every page' },
			{ name: 'Remove', value: 'remove', action: 'Remove a group from a project', description: "End a group's access to a project" },
		],
		default: 'getAll',
	},
	...getAll.description,
	...add.description,
	...get.description,
	...remove.description,
];
