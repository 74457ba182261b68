import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationOn, operationProperty } from '../../../shared/parameters/operations';
import * as archive from './archive.operation';
import * as create from './create.operation';
import * as findStale from './findStale.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as rename from './rename.operation';

export { archive, create, findStale, get, getAll, rename };

export const description: INodeProperties[] = [
	operationProperty('project', [
		operationOn('project', 'archive', 'Archive a project (cannot be undone)'),
		operationOn('project', 'create', 'Create a new project'),
		{
			name: 'Find Stale',
			value: 'findStale',
			action: 'Find stale projects',
			description:
				'List active projects with no cost, no usage of any kind and no API key used in the last N days',
		},
		operationOn('project', 'get', 'Get one project by ID'),
		getManyOperation('Get many projects', 'List projects, following every page'),
		operationOn('project', 'rename', 'Change the name of a project'),
	]),
	...getAll.description,
	...create.description,
	...findStale.description,
	...get.description,
	...rename.description,
	...archive.description,
];
