import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationOn, operationProperty } from '../../../shared/parameters/operations';
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
	operationProperty('adminApiKey', [
		operationOn('admin API key', 'create', 'Create an Admin key for the organization, shown once'),
		operationOn('admin API key', 'delete', 'Delete an Admin key; never the last one or the one this credential uses'),
		operationOn('admin API key', 'get', 'One Admin key of the organization (redacted)'),
		getManyOperation('Get many admin API keys', 'The Admin keys of the organization (redacted)'),
	]),
	...getAll.description,
	...create.description,
	...get.description,
	...deleteKey.description,
];
