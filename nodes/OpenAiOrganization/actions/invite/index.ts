import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationOn, operationProperty } from '../../../shared/parameters/operations';
import * as create from './create.operation';
import * as deleteInvite from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { create, deleteInvite, get, getAll };

export const description: INodeProperties[] = [
	operationProperty('invite', [
		{ name: 'Create', value: 'create', action: 'Invite a person', description: 'Invite someone to the organization, and to projects with their roles' },
		operationOn('invite', 'delete', 'Withdraw an invite that was not accepted'),
		operationOn('invite', 'get', 'One invite of the organization'),
		getManyOperation('Get many invites', 'The invites of the organization'),
	]),
	...getAll.description,
	...create.description,
	...get.description,
	...deleteInvite.description,
];
