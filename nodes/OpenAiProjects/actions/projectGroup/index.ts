import type { INodeProperties } from 'n8n-workflow';

import { membershipProperties } from '../../../shared/parameters/operations';
import * as add from './add.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';

export { add, get, getAll, remove };

export const description: INodeProperties[] = membershipProperties('projectGroup', 'group', 'project', {
	getAll: { operation: getAll, description: 'The groups that have access to a project, following every page' },
	add: {
		operation: add,
		action: 'Give a group access to a project',
		description: 'Give a group of the organization a project, with a project role',
	},
	get: { operation: get, description: 'One group that has access to a project' },
	remove: { operation: remove, description: "End a group's access to a project" },
});
