import type { INodeProperties } from 'n8n-workflow';

import { spendLimitOperationProperty } from '../../../shared/resources/spendLimitOperations';
import * as get from './get.operation';
import * as remove from './remove.operation';
import * as set from './set.operation';

export const operations = { get, remove, set };

export const description: INodeProperties[] = [
	spendLimitOperationProperty('the organization', 'it may then spend without a cap, its projects up to their own limits'),
	...get.description,
	...set.description,
	...remove.description,
];
