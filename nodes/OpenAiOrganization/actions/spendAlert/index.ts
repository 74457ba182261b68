import type { INodeProperties } from 'n8n-workflow';

import { spendAlertOperationProperty } from '../../../shared/resources/spendAlertOperations';
import { ORGANIZATION_SPEND } from '../../helpers/organizationControls';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations = { create, delete: del, get, getAll, update };

export const description: INodeProperties[] = [
	spendAlertOperationProperty(ORGANIZATION_SPEND, 'the organization'),
	...create.description,
	...getAll.description,
	...get.description,
	...update.description,
	...del.description,
];
