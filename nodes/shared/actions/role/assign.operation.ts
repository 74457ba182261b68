import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation, PreparedItem } from '../../execution/operation';
import { readRequestLimits } from '../../execution/requestOptions';
import { openAiRequest } from '../../transport';
import * as roles from '../../resources/roles';
import type { RolePlace } from '../../resources/roles';

/**
 * Assign: a role to a user or group. Not repeated blindly after a lost answer: the role held by then means it went
 * through.
 */
export function assign(place: RolePlace): Operation & { description: INodeProperties[] } {
	return {
		description: updateDisplayOptions({ show: { resource: [place.resource], operation: ['assign'] } }, [
			...place.placeFields,
			roles.roleLocator(place, 'The role to assign'),
			...roles.principalFields(place, 'assign the role to'),
		]),
		prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
			const { where, roleId, principal } = roles.readAssignmentTarget.call(this, place, itemIndex);
			const limits = readRequestLimits.call(this, itemIndex);
			return {
				send: async () => {
					const response = await openAiRequest.call(this, {
						method: 'POST',
						path: roles.principalRolesPath(where, principal),
						body: { role_id: roleId },
						itemIndex,
						subject: `role ${roleId} for ${roles.principalWords(principal)} in ${where.words}`,
						...limits,
						notIdempotent: true,
						findLostResult: async () => {
							const held = await roles.findAssignment.call(this, where, principal, roleId, itemIndex, limits);
							return held ? { role: held } : undefined;
						},
					});
					const answer = response.body as IDataObject;
					const extra: IDataObject = { assigned: true };
					if (response.recovered) extra.recoveredAfterLostResponse = true;
					const role = (answer.role ?? {}) as IDataObject;
					const who = answer[principal.type];
					return [roles.toAssignedItem(where, principal, role, { ...(who ? { [principal.type]: who } : {}), ...extra })];
				},
			};
		},
	};
}
