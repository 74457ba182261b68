import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { getRequestTuning } from '../../../shared/execution/requestOptions';
import { projectLocator } from '../../helpers/descriptions';
import { getProjectId, readProject, toProjectItem } from '../../helpers/projects';

export const description: INodeProperties[] = [projectLocator('get')];

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const tuning = getRequestTuning.call(this, itemIndex);
	return { send: async () => [toProjectItem(await readProject.call(this, projectId, itemIndex, tuning))] };
}
