import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/parameters/operations';
import * as get from './get.operation';
import * as remove from './remove.operation';
import * as update from './update.operation';

export { get, remove, update };

export const description: INodeProperties[] = [
	operationProperty('modelPermissions', [
		{ name: 'Get', value: 'get', action: 'Get the model permissions of a project', description: "Read which models a project may use" },
		{
			name: 'Remove',
			value: 'remove',
			action: 'Remove the model permissions of a project',
			description: "Remove a project's model restrictions (it may then use every model)",
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update the model permissions of a project',
			description: 'Allow only some models, or block some models, in a project',
		},
	], 'get'),
	...get.description,
	...update.description,
	...remove.description,
];
