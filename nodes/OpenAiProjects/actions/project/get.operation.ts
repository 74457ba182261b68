import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { getRequestTuning } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { projectLocator } from '../../helpers/descriptions';
import { getProjectId, toProjectItem } from '../../helpers/projects';
import type { Project } from '../../helpers/projects';

export const description: INodeProperties[] = [projectLocator('get')];

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const tuning = getRequestTuning.call(this, itemIndex);
	const send = async () => {
		const response = await openAiRequest.call(this, {
			method: 'GET',
			path: `/organization/projects/${projectId}`,
			itemIndex,
			subject: `project ${projectId}`,
			...tuning,
		});
		return [toProjectItem(response.body as Project)];
	};
	return { send };
}
