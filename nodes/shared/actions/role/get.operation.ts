import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation, PreparedItem } from '../../execution/operation';
import { readRequestLimits } from '../../execution/requestOptions';
import { getRoleId, readRole, roleLocator, toRoleItem } from '../../resources/roles';
import type { RolePlace } from '../../resources/roles';

/** Get: one role, with its permissions. */
export function get(place: RolePlace): Operation & { description: INodeProperties[] } {
	return {
		description: updateDisplayOptions({ show: { resource: [place.resource], operation: ['get'] } }, [
			...place.placeFields,
			roleLocator(place, 'The role to read'),
		]),
		prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
			const where = place.where.call(this, itemIndex);
			const roleId = getRoleId.call(this, place, itemIndex);
			const limits = readRequestLimits.call(this, itemIndex);
			return { send: async () => [toRoleItem(where, await readRole.call(this, where, roleId, itemIndex, limits))] };
		},
	};
}
