import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationProperty } from '../../../shared/parameters/operations';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, del as delete, get, getAll, update };

export const description: INodeProperties[] = [
	operationProperty('spendAlert', [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a spend alert',
			description: "Email people when a project's monthly spend reaches an amount in US dollars",
		},
		{ name: 'Delete', value: 'delete', action: 'Delete a spend alert', description: 'Delete a spend alert of a project' },
		{ name: 'Get', value: 'get', action: 'Get a spend alert', description: 'Get one spend alert of a project' },
		getManyOperation('Get the spend alerts of a project', "List a project's spend alerts"),
		{
			name: 'Update',
			value: 'update',
			action: 'Update a spend alert',
			description: "Change an alert's threshold, recipients or subject prefix",
		},
	]),
	...create.description,
	...getAll.description,
	...get.description,
	...update.description,
	...del.description,
];
