import type { INodeProperties } from 'n8n-workflow';

import { projectSettingProperties } from '../../../shared/parameters/operations';
import * as get from './get.operation';
import * as remove from './remove.operation';
import * as set from './set.operation';

export { get, remove, set };

export const description: INodeProperties[] = projectSettingProperties('spendLimit', 'spend limit', {
	get: { operation: get, description: "Read a project's hard monthly spend limit" },
	set: { operation: set, description: 'Set or replace the most a project may spend in a month, in US dollars' },
	remove: { operation: remove, description: "Remove a project's hard spend limit (it may then spend without a cap)" },
});
