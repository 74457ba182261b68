import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { destructiveProperties } from '../../../shared/execution/destructive';
import type { DestructiveRules, PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { requireActiveProject } from '../../helpers/projectLookup';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { requestInProject } from '../../helpers/inProject';
import { MODEL_PERMISSIONS } from './get.operation';

/** Without its policy a project may use every model. */
export const destructive: DestructiveRules = { verb: 'remove', pastTense: 'removed', items: 'model policies' };

const show = { resource: ['modelPermissions'], operation: ['remove'] };

export const description = [
	...updateDisplayOptions({ show }, [
		{ ...projectLocator, description: "The project whose model restrictions to remove; it may then use every model" },
	]),
	...destructiveProperties(show, destructive),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		// Before any policy of the run is removed: the project is active; its policy now is what a Dry Run shows.
		check: async () => {
			await requireActiveProject.call(this, projectId, itemIndex, limits, 'nothing was removed.');
			const current = await requestInProject.call(this, projectId, { method: 'GET', subPath: MODEL_PERMISSIONS, itemIndex, limits });
			return [{ project_id: projectId, dryRun: true, wouldRemove: true, ...current }];
		},
		send: async () => {
			const answer = await requestInProject.call(this, projectId, { method: 'DELETE', subPath: MODEL_PERMISSIONS, itemIndex, limits });
			return [{ project_id: projectId, ...answer }];
		},
	};
}
