import { NodeOperationError } from 'n8n-workflow';

import { destructiveOperation } from '../../execution/destructiveOperation';
import { findInListing } from '../../execution/listingLookup';
import { getRoleId, readRole, roleLocator, roleRequest, toRoleItem } from '../../resources/roles';
import type { RolePlace, RoleWhere } from '../../resources/roles';

interface Target {
	where: RoleWhere;
	roleId: string;
}

/**
 * Delete: a custom role, which OpenAI then unassigns from everyone who held it. A predefined role (managed by
 * OpenAI: the contract's delete is for custom roles) is refused before any change.
 */
export function deleteRole(place: RolePlace) {
	return destructiveOperation<Target>({
		rules: { verb: 'delete', pastTense: 'deleted', items: 'roles' },
		show: { resource: [place.resource], operation: ['delete'] },
		fields: [...place.placeFields, roleLocator(place, 'The custom role to delete. Everyone who holds it loses it.')],
		target(itemIndex) {
			return { where: place.where.call(this, itemIndex), roleId: getRoleId.call(this, place, itemIndex) };
		},
		async find({ where, roleId }, { itemIndex, limits }) {
			return await findInListing.call(this, { path: where.rolesPath, itemIndex, ...limits }, roleId, async () =>
				await readRole.call(this, where, roleId, itemIndex, limits),
			);
		},
		refuse(role, { roleId }, { itemIndex }) {
			if (role.predefined_role !== true) return;
			throw new NodeOperationError(this.getNode(), `Role "${String(role.name)}" (${roleId}) is predefined: OpenAI manages it and it cannot be deleted`, {
				itemIndex,
				description: 'Only custom roles can be deleted. To take it from someone, use "Unassign" instead. Nothing was deleted.',
			});
		},
		describe: (role, { where, roleId }) => `role ${role.name ? `"${String(role.name)}" ` : ''}(${roleId}) of ${where.words}`,
		item: (role, { where }, extra) => toRoleItem(where, role, extra),
		async change({ where, roleId }, role, context) {
			const answer = await roleRequest.call(this, 'DELETE', where, roleId, context);
			return toRoleItem(where, { name: role.name ?? null, ...answer });
		},
	});
}
