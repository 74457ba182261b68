import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation, PreparedItem } from '../../execution/operation';
import { readLimit } from '../../execution/listLimit';
import { getManyProperties } from '../../parameters/getMany';
import { readRequestLimits } from '../../execution/requestOptions';
import { listUpTo, toRoleItem } from '../../resources/roles';
import type { RolePlace } from '../../resources/roles';

/** Get Many: the roles of the organization or project, predefined and custom. */
export function getAll(place: RolePlace): Operation & { description: INodeProperties[] } {
	return {
		description: updateDisplayOptions({ show: { resource: [place.resource], operation: ['getAll'] } }, [
			...place.placeFields,
			...getManyProperties(),
		]),
		prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
			const where = place.where.call(this, itemIndex);
			const limit = readLimit.call(this, itemIndex, place.noun);
			const limits = readRequestLimits.call(this, itemIndex);
			const request = { path: where.rolesPath, subject: `the roles of ${where.words}`, itemIndex, limits };
			return { send: async () => await listUpTo.call(this, request, limit, (role) => toRoleItem(where, role)) };
		},
	};
}
