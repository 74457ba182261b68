import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { getMemberId, memberLocator, PROJECT_USER, readMember, toMemberItem } from '../../helpers/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../helpers/projects';

export const description = updateDisplayOptions({ show: { resource: ['projectUser'], operation: ['get'] } }, [
	projectLocator,
	memberLocator(PROJECT_USER, "The project's user to get"),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const userId = getMemberId.call(this, PROJECT_USER, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () => [toMemberItem(await readMember.call(this, PROJECT_USER, projectId, userId, itemIndex, limits), projectId)],
	};
}
