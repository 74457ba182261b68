import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/parameters/operations';
import * as get from './get.operation';
import * as update from './update.operation';

export { get, update };

export const description: INodeProperties[] = [
	operationProperty('hostedToolPermissions', [
		{ name: 'Get', value: 'get', action: 'Get the hosted tool permissions of a project', description: 'Read which hosted tools a project may use' },
		{
			name: 'Update',
			value: 'update',
			action: 'Update the hosted tool permissions of a project',
			description: 'Switch hosted tools (web search, file search, code interpreter…) on or off in a project',
		},
	], 'get'),
	...get.description,
	...update.description,
];
