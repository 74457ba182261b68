import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { getMemberId, memberLocator } from '../../../shared/resources/projectMembers';
import { getProjectId } from '../../../shared/resources/projects';
import { PROJECT_GROUP, projectGroupsPath, readGroupThing, toGroupItem } from '../../../shared/resources/groups';
import { projectLocator } from '../../helpers/projectLocator';

export const description = updateDisplayOptions({ show: { resource: ['projectGroup'], operation: ['get'] } }, [
	projectLocator,
	memberLocator(PROJECT_GROUP, 'The group whose access to the project to get'),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const groupId = getMemberId.call(this, PROJECT_GROUP, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const subject = `group ${groupId} in project ${projectId}`;
	return { send: async () => [toGroupItem(await readGroupThing.call(this, projectGroupsPath(projectId, groupId), subject, itemIndex, limits))] };
}
