import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { getMemberId, memberLocator, memberPath, memberSubject, PROJECT_USER, toMemberItem } from '../../../shared/resources/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { getRole, roleProperty } from './roles';

export const description = updateDisplayOptions({ show: { resource: ['projectUser'], operation: ['update'] } }, [
	projectLocator,
	memberLocator(PROJECT_USER, "The project's user whose role changes"),
	{ ...roleProperty, description: 'The new role. A project keeps at least one owner.' },
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const userId = getMemberId.call(this, PROJECT_USER, itemIndex);
	const role = getRole.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		// Setting a role twice leaves it the same: safe to retry.
		send: async () => {
			const response = await openAiRequest.call(this, {
				method: 'POST',
				path: memberPath(PROJECT_USER, projectId, userId),
				body: { role },
				itemIndex,
				subject: memberSubject(PROJECT_USER, projectId, userId),
				...limits,
			});
			return [toMemberItem(response.body as IDataObject, projectId)];
		},
	};
}
