import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { listPages } from '../../../shared/transport';
import { listLimitProperties, readListLimit } from '../../helpers/listLimit';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../helpers/projects';
import { rateLimitsPath } from '../../helpers/rateLimits';

export const description = updateDisplayOptions({ show: { resource: ['rateLimit'], operation: ['getAll'] } }, [
	{ ...projectLocator, description: 'The project whose rate limits to list (one per model)' },
	...listLimitProperties,
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limit = readListLimit.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		const found: IDataObject[] = [];
		for await (const page of listPages.call(this, { path: rateLimitsPath(projectId), itemIndex, wanted: limit, ...limits })) {
			for (const rateLimit of page) {
				found.push({ project_id: projectId, ...rateLimit });
				if (found.length >= limit) return found;
			}
		}
		return found;
	};
	return { send };
}
