import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { getRequestTuning } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { projectLocator } from '../../helpers/descriptions';
import { getProjectId, getProjectName, toProjectItem } from '../../helpers/projects';
import type { Project } from '../../helpers/projects';

export const description: INodeProperties[] = [
	projectLocator('rename'),
	{
		displayName: 'New Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'The new name. The Default project and archived projects cannot be renamed.',
		displayOptions: { show: { resource: ['project'], operation: ['rename'] } },
	},
];

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const name = getProjectName.call(this, itemIndex);
	const tuning = getRequestTuning.call(this, itemIndex);
	const send = async () => {
		// Setting a name is idempotent, so this request may be retried like a read.
		const response = await openAiRequest.call(this, {
			method: 'POST',
			path: `/organization/projects/${projectId}`,
			body: { name },
			itemIndex,
			subject: `project ${projectId}`,
			...tuning,
		});
		return [toProjectItem(response.body as Project)];
	};
	return { send };
}
