import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../helpers/projects';

export const modelPermissionsPath = (projectId: string) => `/organization/projects/${projectId}/model_permissions`;

export const description = updateDisplayOptions({ show: { resource: ['modelPermissions'], operation: ['get'] } }, [
	{ ...projectLocator, description: 'The project whose model allow list or deny list to read' },
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		const response = await openAiRequest.call(this, {
			method: 'GET',
			path: modelPermissionsPath(projectId),
			itemIndex,
			subject: `project ${projectId}`,
			...limits,
		});
		return [{ project_id: projectId, ...(response.body as IDataObject) }];
	};
	return { send };
}
