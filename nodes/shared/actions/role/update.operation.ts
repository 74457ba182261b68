import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation, PreparedItem } from '../../execution/operation';
import { readRequestLimits } from '../../execution/requestOptions';
import { openAiRequest } from '../../transport';
import { getRoleId, permissionsProperty, readPermissions, readRole, roleLocator, rolePath, toRoleItem } from '../../resources/roles';
import type { RolePlace } from '../../resources/roles';
import { readRoleName, roleNameProperty } from './create.operation';

function readChanges(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.roleName !== undefined) body.role_name = readRoleName.call(this, fields.roleName, itemIndex);
	if (fields.permissions !== undefined) body.permissions = readPermissions.call(this, fields.permissions, itemIndex);
	if (fields.description !== undefined) body.description = String(fields.description).trim();
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), '"Update Fields" is empty: nothing to change', {
			itemIndex,
			description: 'Add the role name, the permissions or the description.',
		});
	}
	return body;
}

/**
 * Update: a custom role's name, permissions (the whole set) or description. A predefined role is managed by OpenAI
 * and is refused before the change is sent. The same body twice leaves the same role, so it may be retried.
 */
export function update(place: RolePlace): Operation & { description: INodeProperties[] } {
	return {
		description: updateDisplayOptions({ show: { resource: [place.resource], operation: ['update'] } }, [
			...place.placeFields,
			roleLocator(place, 'The custom role to change'),
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				description: 'What to change; the rest of the role stays as it is',
				options: [
					{ ...roleNameProperty, description: 'The new name' },
					{ ...permissionsProperty, description: 'Every permission the role grants from now on, separated by commas (replaces the current set)' },
					{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'What the role is for' },
				],
			},
		]),
		prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
			const where = place.where.call(this, itemIndex);
			const roleId = getRoleId.call(this, place, itemIndex);
			const body = readChanges.call(this, itemIndex);
			const limits = readRequestLimits.call(this, itemIndex);
			return {
				send: async () => {
					const current = await readRole.call(this, where, roleId, itemIndex, limits);
					if (current.predefined_role === true) {
						throw new NodeOperationError(this.getNode(), `Role "${String(current.name)}" (${roleId}) is predefined: OpenAI manages it and it cannot be changed`, {
							itemIndex,
							description: `Create a custom role with the permissions you need ("Create" ${place.noun}) and assign that instead.`,
						});
					}
					const response = await openAiRequest.call(this, {
						method: 'POST',
						path: rolePath(where, roleId),
						body,
						itemIndex,
						subject: `role ${roleId} of ${where.words}`,
						...limits,
					});
					return [toRoleItem(where, response.body as IDataObject)];
				},
			};
		},
	};
}
