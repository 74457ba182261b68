import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationOn, operationProperty } from '../../../shared/parameters/operations';
import * as create from './create.operation';
import * as createKey from './createKey.operation';
import * as deleteAccount from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as listKeys from './listKeys.operation';
import * as update from './update.operation';

export { create, createKey, deleteAccount, get, getAll, listKeys, update };

export const description: INodeProperties[] = [
	{
		displayName:
			'A new service account\'s API key is shown once, in the output field "apiKeyShownOnce": store it right away (e.g. in a vault). OpenAI never shows it again; this node never logs or repeats it.',
		name: 'secretShownOnceNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['serviceAccount'], operation: ['create', 'createKey'] } },
	},
	operationProperty('serviceAccount', [
		operationOn('service account', 'create', 'Create a service account in a project, with an API key shown once'),
		{
			name: 'Create API Key',
			value: 'createKey',
			action: 'Create an API key for a service account',
			description: 'Give a service account another API key, shown once (e.g. to rotate keys)',
		},
		operationOn('service account', 'delete', 'Delete a service account and every API key it owns'),
		operationOn('service account', 'get', "Get one of a project's service accounts"),
		getManyOperation('Get many service accounts', "List a project's service accounts, following every page"),
		{
			name: 'Get Many API Keys',
			value: 'listKeys',
			action: 'Get many API keys of a service account',
			description: "The API keys a service account owns (redacted), from the project's key list",
		},
		operationOn('service account', 'update', 'Rename a service account or change its role in the project'),
	]),
	...getAll.description,
	...create.description,
	...createKey.description,
	...get.description,
	...deleteAccount.description,
	...listKeys.description,
	...update.description,
];
