import type { INodeProperties } from 'n8n-workflow';

import { membershipProperties } from '../../../shared/parameters/operations';
import * as add from './add.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';

export { add, get, getAll, remove };

export const description: INodeProperties[] = membershipProperties('groupMember', 'user', 'group', {
	getAll: { operation: getAll, description: 'The users of a group, following every page' },
	add: { operation: add, description: 'Put a user of the organization in a group' },
	get: { operation: get, description: "One of a group's users" },
	remove: { operation: remove, description: 'Take a user out of a group (they stay in the organization)' },
});
