import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import { requireActiveProject } from '../../helpers/projectLookup';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { requestInProject } from '../../helpers/inProject';
import { MODEL_PERMISSIONS } from './get.operation';

/** Without its policy a project may use every model. */
export const { destructive, description, prepare } = destructiveOperation({
	rules: { verb: 'remove', pastTense: 'removed', items: 'model policies' },
	show: { resource: ['modelPermissions'], operation: ['remove'] },
	fields: [{ ...projectLocator, description: 'The project whose model restrictions to remove; it may then use every model' }],
	target: getProjectId,
	async find(projectId, { itemIndex, limits }) {
		await requireActiveProject.call(this, projectId, itemIndex, limits, 'nothing was removed.');
		return await requestInProject.call(this, projectId, { method: 'GET', subPath: MODEL_PERMISSIONS, itemIndex, limits });
	},
	describe: (policy, projectId) =>
		`the model policy (${String(policy.mode ?? 'none')}${Array.isArray(policy.model_ids) ? `: ${policy.model_ids.join(', ') || 'no models'}` : ''}) of project ${projectId}`,
	item: (policy, projectId, extra = {}) => ({ project_id: projectId, ...extra, ...policy }),
	async change(projectId, _policy, { itemIndex, limits }) {
		return { project_id: projectId, ...(await requestInProject.call(this, projectId, { method: 'DELETE', subPath: MODEL_PERMISSIONS, itemIndex, limits })) };
	},
});
