import type { INodeProperties } from 'n8n-workflow';

import { spendLimitOperationProperty } from '../../../shared/resources/spendLimitOperations';
import * as get from './get.operation';
import * as remove from './remove.operation';
import * as set from './set.operation';

export const operations = { get, remove, set };

export const description: INodeProperties[] = [
	spendLimitOperationProperty('a project', 'it may then spend without a cap, up to the organization\'s limit'),
	...get.description,
	...set.description,
	...remove.description,
];
