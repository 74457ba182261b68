import type { INodeProperties } from 'n8n-workflow';

import { dataRetentionOperationProperty } from '../../../shared/resources/dataRetention';
import * as get from './get.operation';
import * as update from './update.operation';

export const operations = { get, update };

export const description: INodeProperties[] = [
	dataRetentionOperationProperty('a project', "a project's", " (it may follow the organization's)"),
	...get.description,
	...update.description,
];
