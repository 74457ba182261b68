import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { getMemberId, memberLocator } from '../../../shared/resources/projectMembers';
import { getProjectId } from '../../../shared/resources/projects';
import { GROUP, projectGroupsPath, readIfAdded, toGroupItem } from '../../../shared/resources/groups';
import { projectLocator } from '../../helpers/projectLocator';

const ROLE_ID = /^role_[A-Za-z0-9]+$/;

export const description = updateDisplayOptions({ show: { resource: ['projectGroup'], operation: ['add'] } }, [
	projectLocator,
	memberLocator(GROUP, 'The group of the organization that gets access to the project'),
	{
		displayName: 'Project Role ID',
		name: 'role',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'role_abc123',
		description: "The project role the group's users get in the project: its ID, e.g. from the project's roles list",
	},
]);

function readRoleId(this: IExecuteFunctions, itemIndex: number): string {
	const role = String(this.getNodeParameter('role', itemIndex, '') ?? '').trim();
	if (!ROLE_ID.test(role)) {
		throw new NodeOperationError(
			this.getNode(),
			role ? `"Project Role ID" must be a role ID like role_abc123, not "${role}"` : '"Project Role ID" is empty',
			{ itemIndex, description: "Give the ID of one of the project's roles (role_...), e.g. its Member or Owner role." },
		);
	}
	return role;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const groupId = getMemberId.call(this, GROUP, itemIndex);
	const role = readRoleId.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	// After a lost answer: the group has access now, so the add went through.
	const findAdded = async () =>
		await readIfAdded.call(this, projectGroupsPath(projectId, groupId), `group ${groupId} in project ${projectId}`, itemIndex, limits);
	return {
		send: async () => {
			const response = await openAiRequest.call(this, {
				method: 'POST',
				path: projectGroupsPath(projectId),
				body: { group_id: groupId, role },
				itemIndex,
				subject: `project ${projectId}`,
				...limits,
				notIdempotent: true,
				findLostResult: findAdded,
			});
			return [toGroupItem(response.body as IDataObject, response.recovered ? { recoveredAfterLostResponse: true } : {})];
		},
	};
}
