import type { IDataObject } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import { openAiRequest } from '../../../shared/transport';
import { withDollarAmounts } from '../../../shared/resources/money';
import { requireActiveProject } from '../../helpers/projectLookup';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { readSpendLimitIfSet, spendLimitPath } from '../../helpers/spendLimit';

/** What a project without a hard limit is found as: nothing to remove. */
const NO_LIMIT: IDataObject = {};

/** Without its limit a project may spend without a cap. */
export const { destructive, description, prepare } = destructiveOperation({
	rules: { verb: 'remove', pastTense: 'removed', items: 'spend limits' },
	show: { resource: ['spendLimit'], operation: ['remove'] },
	fields: [{ ...projectLocator, description: 'The project whose hard spend limit to remove; it may then spend without a cap' }],
	target: getProjectId,
	async find(projectId, { itemIndex, limits }) {
		await requireActiveProject.call(this, projectId, itemIndex, limits, 'nothing was removed.');
		return (await readSpendLimitIfSet.call(this, projectId, itemIndex, limits)) ?? NO_LIMIT;
	},
	alreadyDone: (limit, projectId) =>
		limit === NO_LIMIT ? `Project ${projectId} had no hard spend limit; nothing changed.` : undefined,
	describe: (limit, projectId) => `the hard spend limit (${String(withDollarAmounts(limit).threshold_text)}) of project ${projectId}`,
	item: (limit, projectId, extra = {}) =>
		limit === NO_LIMIT ? { project_id: projectId, removed: false, ...extra } : { project_id: projectId, ...withDollarAmounts(limit), ...extra },
	async change(projectId, limit, { itemIndex, limits }) {
		const response = await openAiRequest.call(this, {
			method: 'DELETE',
			path: spendLimitPath(projectId),
			itemIndex,
			subject: `the spend limit of project ${projectId}`,
			...limits,
		});
		return { project_id: projectId, removed: true, ...(response.body as IDataObject), removedLimit: withDollarAmounts(limit) };
	},
});
