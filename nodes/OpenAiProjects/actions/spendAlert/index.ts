import type { INodeProperties } from 'n8n-workflow';

import { spendAlertOperationProperty } from '../../../shared/resources/spendAlertOperations';
import { PROJECT_SPEND } from '../../helpers/projectSpend';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations = { create, delete: del, get, getAll, update };

export const description: INodeProperties[] = [
	spendAlertOperationProperty(PROJECT_SPEND, 'a project'),
	...create.description,
	...getAll.description,
	...get.description,
	...update.description,
	...del.description,
];
