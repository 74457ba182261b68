import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation, PreparedItem } from '../../execution/operation';
import { readRequestLimits } from '../../execution/requestOptions';
import { openAiRequest } from '../../transport';
import { assignmentRequest, principalFields, readAssignmentTarget, roleLocator, toAssignedItem } from '../../resources/roles';
import type { RolePlace } from '../../resources/roles';

/** Get Assignment: one role as a user or group holds it (OpenAI answers 404 when they do not). */
export function getAssignment(place: RolePlace): Operation & { description: INodeProperties[] } {
	const fields = [...place.placeFields, roleLocator(place, 'The role'), ...principalFields(place, 'read the role of')];
	return {
		description: updateDisplayOptions({ show: { resource: [place.resource], operation: ['getAssignment'] } }, fields),
		prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
			const target = readAssignmentTarget.call(this, place, itemIndex);
			const limits = readRequestLimits.call(this, itemIndex);
			const send = async () => {
				const { body } = await openAiRequest.call(this, { method: 'GET', ...assignmentRequest(target), itemIndex, ...limits });
				return [toAssignedItem(target.where, target.principal, body as IDataObject)];
			};
			return { send };
		},
	};
}
