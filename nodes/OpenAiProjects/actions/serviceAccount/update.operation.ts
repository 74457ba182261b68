import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { getMemberId, memberLocator, memberPath, memberSubject, SERVICE_ACCOUNT, toMemberItem } from '../../../shared/resources/projectMembers';
import { getProjectId } from '../../../shared/resources/projects';
import { openAiRequest } from '../../../shared/transport';
import { projectLocator } from '../../helpers/projectLocator';
import { roleProperty } from '../projectUser/roles';

const ROLES = ['member', 'owner'];

const properties: INodeProperties[] = [
	projectLocator,
	memberLocator(SERVICE_ACCOUNT, 'The service account to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		// The contract's UpdateProjectServiceAccountBody: a name and a role, nothing else.
		options: [
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The service account\'s new name' },
			{ ...roleProperty, description: 'The service account\'s role in the project' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['serviceAccount'], operation: ['update'] } }, properties);

function readChanges(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.name !== undefined) {
		const name = String(fields.name ?? '').trim();
		if (!name) throw new NodeOperationError(this.getNode(), '"Name" is empty: enter the new name, or remove the field', { itemIndex });
		body.name = name;
	}
	if (fields.role !== undefined) {
		if (!ROLES.includes(String(fields.role))) {
			throw new NodeOperationError(this.getNode(), `"Role" must be member or owner, not "${String(fields.role)}"`, { itemIndex });
		}
		body.role = fields.role;
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add "Name" or "Role" under "Update Fields"', { itemIndex });
	}
	return body;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const accountId = getMemberId.call(this, SERVICE_ACCOUNT, itemIndex);
	const body = readChanges.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () => {
			// Setting the same name and role again changes nothing: safe to retry.
			const response = await openAiRequest.call(this, {
				method: 'POST',
				path: memberPath(SERVICE_ACCOUNT, projectId, accountId),
				body,
				itemIndex,
				subject: memberSubject(SERVICE_ACCOUNT, projectId, accountId),
				...limits,
			});
			return [toMemberItem(response.body as IDataObject, projectId)];
		},
	};
}
