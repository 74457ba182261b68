import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/parameters/operations';
import * as get from './get.operation';
import * as remove from './remove.operation';
import * as set from './set.operation';

export { get, remove, set };

export const description: INodeProperties[] = [
	operationProperty('spendLimit', [
		{ name: 'Get', value: 'get', action: 'Get the spend limit of a project', description: "Read a project's hard monthly spend limit" },
		{
			name: 'Remove',
			value: 'remove',
			action: 'Remove the spend limit of a project',
			description: "Remove a project's hard spend limit (it may then spend without a cap)",
		},
		{
			name: 'Set',
			value: 'set',
			action: 'Set the spend limit of a project',
			description: 'Set or replace the most a project may spend in a month, in US dollars',
		},
	], 'get'),
	...get.description,
	...set.description,
	...remove.description,
];
