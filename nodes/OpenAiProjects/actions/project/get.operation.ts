import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRequestTuning } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { projectLocator } from '../../helpers/descriptions';
import { getProjectId, toProjectItem } from '../../helpers/projects';
import type { Project } from '../../helpers/projects';

export const description: INodeProperties[] = [projectLocator('get')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const projectId = getProjectId.call(this, itemIndex);
	const response = await openAiRequest.call(this, {
		method: 'GET',
		path: `/organization/projects/${projectId}`,
		itemIndex,
		subject: `project ${projectId}`,
		...getRequestTuning.call(this, itemIndex),
	});
	return [toProjectItem(response.body as Project)];
}
