import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId, toProjectItem } from '../../helpers/projects';
import type { Project } from '../../helpers/projects';

export const description = updateDisplayOptions({ show: { resource: ['project'], operation: ['get'] } }, [projectLocator]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		const response = await openAiRequest.call(this, {
			method: 'GET',
			path: `/organization/projects/${projectId}`,
			itemIndex,
			subject: `project ${projectId}`,
			...limits,
		});
		return [toProjectItem(response.body as Project)];
	};
	return { send };
}
