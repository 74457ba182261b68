import { getProjectId } from '../../shared/resources/projects';
import { withDollarAmounts } from '../../shared/resources/money';
import type { SpendScope } from '../../shared/resources/spendScope';
import { projectPath } from './inProject';
import { projectLocator } from './projectLocator';
import { lookUpProject, requireActiveProject } from './projectLookup';

/** A project's spend alerts and hard limit: named by the project picker, checked to be active before a change. */
export const PROJECT_SPEND: SpendScope = {
	ownerFields: (description) => [description ? { ...projectLocator, description } : projectLocator],
	owner: getProjectId,
	alertsPath: (projectId) => projectPath(projectId, 'spend_alerts'),
	limitPath: (projectId) => projectPath(projectId, 'spend_limit'),
	words: (projectId) => `project ${projectId}`,
	whose: "the project's",
	item: (projectId, answer, extra = {}) => ({ project_id: projectId, ...withDollarAmounts(answer), ...extra }),
	async requireOwner(projectId, { itemIndex, limits }) {
		await lookUpProject.call(this, projectId, itemIndex, limits);
	},
	async requireChangeable(projectId, { itemIndex, limits }, nothingDone) {
		await requireActiveProject.call(this, projectId, itemIndex, limits, nothingDone);
	},
};
