import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { destructiveProperties } from '../../../shared/execution/destructive';
import type { DestructiveRules, PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { withDollarAmounts } from '../../../shared/resources/money';
import { requireActiveProject } from '../../helpers/projectLookup';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { readSpendLimitIfSet, spendLimitPath } from '../../helpers/spendLimit';

/** Without its limit a project may spend without a cap. */
export const destructive: DestructiveRules = { verb: 'remove', pastTense: 'removed', items: 'spend limits' };

const show = { resource: ['spendLimit'], operation: ['remove'] };

export const description = [
	...updateDisplayOptions({ show }, [
		{ ...projectLocator, description: 'The project whose hard spend limit to remove; it may then spend without a cap' },
	]),
	...destructiveProperties(show, destructive),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	let current: IDataObject | undefined;
	const none = (): IDataObject => ({
		project_id: projectId,
		removed: false,
		message: `Project ${projectId} had no hard spend limit; nothing changed.`,
	});
	return {
		// Before any limit of the run is removed: the project is active; what it has now is what a Dry Run shows.
		check: async () => {
			await requireActiveProject.call(this, projectId, itemIndex, limits, 'nothing was removed.');
			current = await readSpendLimitIfSet.call(this, projectId, itemIndex, limits);
			return [
				current
					? { project_id: projectId, dryRun: true, wouldRemove: true, ...withDollarAmounts(current) }
					: { ...none(), dryRun: true, wouldRemove: false },
			];
		},
		send: async () => {
			if (!current) return [none()];
			const response = await openAiRequest.call(this, {
				method: 'DELETE',
				path: spendLimitPath(projectId),
				itemIndex,
				subject: `the spend limit of project ${projectId}`,
				...limits,
			});
			return [{ project_id: projectId, removed: true, ...(response.body as IDataObject), removedLimit: withDollarAmounts(current) }];
		},
	};
}
