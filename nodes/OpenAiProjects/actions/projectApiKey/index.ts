import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationProperty } from '../../../shared/parameters/operations';
import * as deleteKey from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { deleteKey, get, getAll };

export const description: INodeProperties[] = [
	operationProperty('projectApiKey', [
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a project API key',
			description: 'Revoke a user-owned API key of a project: it stops working at once',
		},
		{ name: 'Get', value: 'get', action: 'Get a project API key', description: "Get one of a project's API keys" },
		getManyOperation('Get many project API keys', "List a project's API keys with owner and last use; find unused keys and keys of people who left"),
	]),
	...getAll.description,
	...get.description,
	...deleteKey.description,
];
