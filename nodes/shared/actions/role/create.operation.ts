import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation, PreparedItem } from '../../execution/operation';
import { readRequestLimits } from '../../execution/requestOptions';
import { openAiRequest } from '../../transport';
import { listAll, permissionsProperty, readPermissions, toRoleItem } from '../../resources/roles';
import type { RolePlace } from '../../resources/roles';

export const roleNameProperty: INodeProperties = {
	displayName: 'Role Name',
	name: 'roleName',
	type: 'string',
	default: '',
	placeholder: 'e.g. Group Manager',
	description: 'A name no other role here has',
};

/** The item's role name, checked before any request. */
export function readRoleName(this: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const name = String(value ?? '').trim();
	if (!name) {
		throw new NodeOperationError(this.getNode(), '"Role Name" is empty: a role needs a name', {
			itemIndex,
			description: 'Enter a name no other role has, e.g. Group Manager.',
		});
	}
	return name;
}

const sameName = (name: string) => (role: IDataObject) => String(role.name ?? '').toLowerCase() === name.toLowerCase();

/** Create: a custom role. Its name is unique, so a create whose answer was lost is found by it and never sent twice. */
export function create(place: RolePlace): Operation & { description: INodeProperties[] } {
	return {
		description: updateDisplayOptions({ show: { resource: [place.resource], operation: ['create'] } }, [
			...place.placeFields,
			{ ...roleNameProperty, required: true },
			{ ...permissionsProperty, required: true },
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'What the role is for' }],
			},
		]),
		prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
			const where = place.where.call(this, itemIndex);
			const name = readRoleName.call(this, this.getNodeParameter('roleName', itemIndex, ''), itemIndex);
			const permissions = readPermissions.call(this, this.getNodeParameter('permissions', itemIndex, ''), itemIndex);
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const description = String(options.description ?? '').trim();
			const limits = readRequestLimits.call(this, itemIndex);
			const body: IDataObject = { role_name: name, permissions, ...(description ? { description } : {}) };
			return {
				send: async () => {
					const response = await openAiRequest.call(this, {
						method: 'POST',
						path: where.rolesPath,
						body,
						itemIndex,
						subject: `role "${name}" of ${where.words}`,
						...limits,
						// A create must not run twice: after a lost answer, a role of this name means it went through.
						notIdempotent: true,
						findLostResult: async () => (await listAll.call(this, where.rolesPath, itemIndex, limits)).find(sameName(name)),
					});
					const extra: IDataObject = { created: true };
					if (response.recovered) extra.recoveredAfterLostResponse = true;
					return [toRoleItem(where, response.body as IDataObject, extra)];
				},
			};
		},
	};
}
