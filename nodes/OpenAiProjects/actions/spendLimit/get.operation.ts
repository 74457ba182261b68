import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { withDollarAmounts } from '../../../shared/resources/money';
import { lookUpProject } from '../../helpers/projectLookup';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { readSpendLimitIfSet } from '../../helpers/spendLimit';

export const description = updateDisplayOptions({ show: { resource: ['spendLimit'], operation: ['get'] } }, [
	{ ...projectLocator, description: 'The project whose hard spend limit to read' },
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		// Known to exist first, so that "no limit" and "no such project" are told apart.
		await lookUpProject.call(this, projectId, itemIndex, limits);
		const limit = await readSpendLimitIfSet.call(this, projectId, itemIndex, limits);
		return [
			limit
				? { project_id: projectId, limitSet: true, ...withDollarAmounts(limit) }
				: { project_id: projectId, limitSet: false, message: `Project ${projectId} has no hard spend limit.` },
		];
	};
	return { send };
}
