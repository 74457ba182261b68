import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../execution/operation';
import { getManyOperation, operationOn, operationProperty } from '../../parameters/operations';
import type { RolePlace } from '../../resources/roles';
import { assign } from './assign.operation';
import { create } from './create.operation';
import { deleteRole } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAssignments } from './getAssignments.operation';
import { getAssignment } from './getAssignment.operation';
import { unassign } from './unassign.operation';
import { update } from './update.operation';

export { ORGANIZATION_ROLES, PROJECT_ROLES } from '../../resources/roles';

/**
 * The Role resource of OpenAI Organization and the Project Role resource of OpenAI Projects: the same operations on
 * the roles of the organization or of one project. Returns the node's description of it and its operations.
 */
export function roleResource(place: RolePlace): { description: INodeProperties[]; operations: Record<string, Operation> } {
	const operations = {
		assign: assign(place),
		create: create(place),
		delete: deleteRole(place),
		get: get(place),
		getAll: getAll(place),
		getAssignments: getAssignments(place),
		getAssignment: getAssignment(place),
		unassign: unassign(place),
		update: update(place),
	};
	const where = place.placeFields.length ? 'the project' : 'the organization';
	const options = [
		operationOn(place.noun, 'assign', `Give a user or group a role of ${where}`),
		operationOn(place.noun, 'create', `Create a custom role of ${where} with a set of permissions`),
		operationOn(place.noun, 'delete', 'Delete a custom role; everyone who holds it loses it'),
		operationOn(place.noun, 'get', 'Get one role and its permissions'),
		{ name: 'Get Assignment', value: 'getAssignment', action: `Get a ${place.noun} of a user or group`, description: 'Check that a user or group holds one role, and read it' },
		{ name: 'Get Assignments', value: 'getAssignments', action: `Get the ${place.noun}s of a user or group`, description: `List the roles a user or group holds in ${where}` },
		getManyOperation(`Get many ${place.noun}s`, `List the predefined and custom roles of ${where}`),
		operationOn(place.noun, 'unassign', 'Take a role from a user or group (the last owner keeps the owner role)'),
		operationOn(place.noun, 'update', "Change a custom role's name, permissions or description"),
	];
	const description: INodeProperties[] = [
		operationProperty(place.resource, options),
		...Object.values(operations).flatMap((operation) => operation.description),
	];
	return { description, operations };
}
