import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { readLimit, returnAllProperties } from '../../../shared/execution/listLimit';
import { getProjectId } from '../../../shared/resources/projects';
import { listGroupThings, projectGroupsPath, toGroupItem } from '../../../shared/resources/groups';
import { projectLocator } from '../../helpers/projectLocator';

export const description = updateDisplayOptions({ show: { resource: ['projectGroup'], operation: ['getAll'] } }, [
	projectLocator,
	...returnAllProperties,
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limit = readLimit.call(this, itemIndex, 'group of the project');
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () =>
			await listGroupThings.call(this, projectGroupsPath(projectId), {
				limit,
				itemIndex,
				limits,
				subject: `project ${projectId}`,
				toItem: (group) => toGroupItem(group),
			}),
	};
}
