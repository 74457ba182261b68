import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteKey from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { create, deleteKey, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName:
			'A new Admin key is shown once, in the output field "apiKeyShownOnce": store it right away (e.g. in a vault). OpenAI never shows it again; this node never logs or repeats it.',
		name: 'adminKeyShownOnceNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['adminApiKey'], operation: ['create'] } },
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['adminApiKey'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create an admin API key', description: 'Create an Admin key for the organization, shown once' },
			{ name: 'Delete', value: 'delete', action: 'Delete an admin API key', description: 'Delete an Admin key; never the last one or the one this credential uses' },
			{ name: 'Get', value: 'get', action: 'Get an admin API key', description: 'One Admin key of the organization (redacted)' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many admin API keys', description: 'The Admin keys of the organization (redacted)' },
		],
		default: 'getAll',
	},
	...getAll.description,
	...create.description,
	...get.description,
	...deleteKey.description,
];
