import { PROJECT_RETENTION_TYPES } from '../../shared/resources/contractEnums';
import type { RetentionScope } from '../../shared/resources/dataRetention';
import { getProjectId } from '../../shared/resources/projects';
import { projectPath } from './inProject';
import { projectLocator } from './projectLocator';

/** A project's data retention: named by the project picker; it may follow its organization's setting. */
export const PROJECT_RETENTION: RetentionScope = {
	ownerFields: (description) => [{ ...projectLocator, description }],
	owner: getProjectId,
	path: (projectId) => projectPath(projectId, 'data_retention'),
	words: (projectId) => `project ${projectId}`,
	whose: "the project's",
	types: PROJECT_RETENTION_TYPES,
	meanings: {
		organization_default: "Follow the organization's setting (OpenAI Organization → Data Retention)",
		none: "No retention control of its own and not the organization's",
	},
	item: (projectId, answer, extra = {}) => ({ project_id: projectId, ...answer, ...extra }),
};
