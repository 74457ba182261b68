import type { INodeProperties } from 'n8n-workflow';

import * as deleteKey from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { deleteKey, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['projectApiKey'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a project API key',
				description: 'Revoke a user-owned API key of a project: it stops working at once',
			},
			{ name: 'Get', value: 'get', action: 'Get a project API key', description: "Get one of a project's API keys" },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many project API keys',
				description: "List a project's API keys with owner and last use; find unused keys and keys of people who left",
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...get.description,
	...deleteKey.description,
];
