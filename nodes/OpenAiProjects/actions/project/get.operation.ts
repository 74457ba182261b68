import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId, readProject, toProjectItem } from '../../../shared/resources/projects';

export const description = updateDisplayOptions({ show: { resource: ['project'], operation: ['get'] } }, [projectLocator]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return { send: async () => [toProjectItem(await readProject.call(this, projectId, itemIndex, limits))] };
}
