import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId, getProjectName, toProjectItem } from '../../../shared/resources/projects';
import type { Project } from '../../../shared/resources/projects';

const properties: INodeProperties[] = [
	projectLocator,
	{
		displayName: 'New Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'The new name. The Default project and archived projects cannot be renamed.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['project'], operation: ['rename'] } }, properties);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const name = getProjectName.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		// Setting a name is idempotent, so this request may be retried like a read.
		const response = await openAiRequest.call(this, {
			method: 'POST',
			path: `/organization/projects/${projectId}`,
			body: { name },
			itemIndex,
			subject: `project ${projectId}`,
			...limits,
		});
		return [toProjectItem(response.body as Project)];
	};
	return { send };
}
