import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation, PreparedItem } from '../../execution/operation';
import { readLimit } from '../../execution/listLimit';
import { getManyProperties } from '../../parameters/getMany';
import { readRequestLimits } from '../../execution/requestOptions';
import { listUpTo, principalFields, principalRolesPath, principalWords, readPrincipal, toAssignedItem } from '../../resources/roles';
import type { RolePlace } from '../../resources/roles';

/** Get Assigned: the roles a user or group holds here, one item each. */
export function getAssignments(place: RolePlace): Operation & { description: INodeProperties[] } {
	return {
		description: updateDisplayOptions({ show: { resource: [place.resource], operation: ['getAssignments'] } }, [
			...place.placeFields,
			...principalFields(place, 'list the roles of'),
			...getManyProperties(),
		]),
		prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
			const where = place.where.call(this, itemIndex);
			const principal = readPrincipal.call(this, place, itemIndex);
			const limit = readLimit.call(this, itemIndex, place.noun);
			const limits = readRequestLimits.call(this, itemIndex);
			const path = principalRolesPath(where, principal);
			const request = { path, subject: `the roles of ${principalWords(principal)} in ${where.words}`, itemIndex, limits };
			return { send: async () => await listUpTo.call(this, request, limit, (role) => toAssignedItem(where, principal, role)) };
		},
	};
}
