import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationOn, operationProperty } from '../../../shared/parameters/operations';
import * as deleteKey from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { deleteKey, get, getAll };

export const description: INodeProperties[] = [
	operationProperty('projectApiKey', [
		operationOn('project API key', 'delete', 'Revoke a user-owned API key of a project: it stops working at once'),
		operationOn('project API key', 'get', "Get one of a project's API keys"),
		getManyOperation('Get many project API keys', "List a project's API keys with owner and last use; find unused keys and keys of people who left"),
	]),
	...getAll.description,
	...get.description,
	...deleteKey.description,
];
