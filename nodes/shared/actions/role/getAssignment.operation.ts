import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation, PreparedItem } from '../../execution/operation';
import { readRequestLimits } from '../../execution/requestOptions';
import { openAiRequest } from '../../transport';
import {
	getRoleId,
	principalFields,
	principalRolesPath,
	principalWords,
	readPrincipal,
	roleLocator,
	toAssignedItem,
} from '../../resources/roles';
import type { RolePlace } from '../../resources/roles';

/** Get Assignment: one role as a user or group holds it (OpenAI answers 404 when they do not). */
export function getAssignment(place: RolePlace): Operation & { description: INodeProperties[] } {
	return {
		description: updateDisplayOptions({ show: { resource: [place.resource], operation: ['getAssignment'] } }, [
			...place.placeFields,
			roleLocator(place, 'The role'),
			...principalFields(place, 'read the role of'),
		]),
		prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
			const where = place.where.call(this, itemIndex);
			const roleId = getRoleId.call(this, place, itemIndex);
			const principal = readPrincipal.call(this, place, itemIndex);
			const limits = readRequestLimits.call(this, itemIndex);
			return {
				send: async () => {
					const { body } = await openAiRequest.call(this, {
						method: 'GET',
						path: `${principalRolesPath(where, principal)}/${encodeURIComponent(roleId)}`,
						itemIndex,
						subject: `role ${roleId} of ${principalWords(principal)} in ${where.words}`,
						...limits,
					});
					return [toAssignedItem(where, principal, body as IDataObject)];
				},
			};
		},
	};
}
