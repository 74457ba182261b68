import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, del as delete, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['spendAlert'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a spend alert',
				description: "Email people when a project's monthly spend reaches an amount in US dollars",
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a spend alert', description: 'Delete a spend alert of a project' },
			{ name: 'Get', value: 'get', action: 'Get a spend alert', description: 'Get one spend alert of a project' },
			{ name: 'Get Many', value: 'getAll', action: 'Get the spend alerts of a project', description: "List a project's spend alerts" },
			{
				name: 'Update',
				value: 'update',
				action: 'Update a spend alert',
				description: "Change an alert's threshold, recipients or subject prefix",
			},
		],
		default: 'getAll',
	},
	...create.description,
	...getAll.description,
	...get.description,
	...update.description,
	...del.description,
];
