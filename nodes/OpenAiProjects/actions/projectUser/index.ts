import type { INodeProperties } from 'n8n-workflow';

import { membershipProperties } from '../../../shared/parameters/operations';
import * as add from './add.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';
import * as update from './update.operation';

export { add, get, getAll, remove, update };

export const description: INodeProperties[] = membershipProperties('projectUser', 'user', 'project', {
	getAll: { operation: getAll, description: "List a project's users, following every page" },
	add: { operation: add, description: 'Add a member of the organization to a project, as owner or member' },
	get: { operation: get, description: "Get one of a project's users" },
	update: {
		operation: update,
		name: 'Change Role',
		action: 'Change the role of a user in a project',
		description: "Make a project's user an owner or a member",
	},
	remove: { operation: remove, description: 'Take a user out of a project (the last owner cannot be removed)' },
});
