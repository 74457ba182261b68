import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationOn, operationProperty } from '../../../shared/parameters/operations';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, del as delete, get, getAll, update };

export const description: INodeProperties[] = [
	operationProperty('spendAlert', [
		operationOn('spend alert', 'create', "Email people when a project's monthly spend reaches an amount in US dollars"),
		operationOn('spend alert', 'delete', 'Delete a spend alert of a project'),
		operationOn('spend alert', 'get', 'Get one spend alert of a project'),
		getManyOperation('Get the spend alerts of a project', "List a project's spend alerts"),
		operationOn('spend alert', 'update', "Change an alert's threshold, recipients or subject prefix"),
	]),
	...create.description,
	...getAll.description,
	...get.description,
	...update.description,
	...del.description,
];
