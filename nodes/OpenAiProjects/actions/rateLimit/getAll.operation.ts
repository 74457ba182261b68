import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { readLimit } from '../../../shared/execution/listLimit';
import { getManyProperties } from '../../../shared/parameters/getMany';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { RATE_LIMITS } from '../../helpers/rateLimits';
import { listInProject } from '../../helpers/inProject';

export const description = updateDisplayOptions({ show: { resource: ['rateLimit'], operation: ['getAll'] } }, [
	{ ...projectLocator, description: 'The project whose rate limits to list (one per model)' },
	...getManyProperties(),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limit = readLimit.call(this, itemIndex, 'rate limit');
	const limits = readRequestLimits.call(this, itemIndex);
	const toItem = (rateLimit: IDataObject) => ({ project_id: projectId, ...rateLimit });
	return { send: async () => await listInProject.call(this, projectId, RATE_LIMITS, { limit, itemIndex, limits, toItem }) };
}
