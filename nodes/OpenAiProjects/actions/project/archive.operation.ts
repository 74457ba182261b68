import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import type { ItemContext } from '../../../shared/execution/destructiveOperation';
import { DEFAULT_PROJECT_REFUSAL, openAiErrorFacts, openAiRequest } from '../../../shared/transport';
import { lookUpProject } from '../../helpers/projectLookup';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId, isDefaultProject, readProject, toProjectItem } from '../../../shared/resources/projects';
import type { Project } from '../../../shared/resources/projects';

function archivedOn(project: IDataObject): string {
	return `Project ${String(project.id)} was already archived on ${new Date(Number(project.archived_at ?? 0) * 1000).toISOString()}; nothing changed.`;
}

/** Archiving cannot be undone. */
export const { destructive, description, prepare } = destructiveOperation({
	rules: { verb: 'archive', pastTense: 'archived', items: 'projects' },
	show: { resource: ['project'], operation: ['archive'] },
	fields: [
		{
			...projectLocator,
			description: 'The project to archive. Archiving cannot be undone; the Default project cannot be archived.',
		},
	],
	target: getProjectId,
	find: async function (this: IExecuteFunctions, projectId: string, { itemIndex, limits }: ItemContext) {
		return await lookUpProject.call(this, projectId, itemIndex, limits);
	},
	refuse(project, projectId, { itemIndex }) {
		if (!isDefaultProject(project as Project)) return;
		throw new NodeOperationError(this.getNode(), DEFAULT_PROJECT_REFUSAL.message, {
			itemIndex,
			description: `${DEFAULT_PROJECT_REFUSAL.fix} Item ${itemIndex + 1} is the Default project (${projectId}); nothing was archived.`,
		});
	},
	alreadyDone: (project) => (project.status === 'archived' ? archivedOn(project) : undefined),
	describe: (project, projectId) => `project "${String(project.name)}" (${projectId})`,
	item: (project, _projectId, extra = {}) =>
		toProjectItem(project as Project, { alreadyArchived: project.status === 'archived', ...extra }),
	notFoundMeansDone: false,
	change: archiveProject,
});

async function archiveProject(this: IExecuteFunctions, projectId: string, _found: IDataObject, { itemIndex, limits }: ItemContext): Promise<IDataObject> {
	const archiving = await openAiRequest
		.call(this, {
			method: 'POST',
			path: `/organization/projects/${projectId}/archive`,
			itemIndex,
			subject: `project ${projectId}`,
			...limits,
		})
		.then(
			(response) => ({ response }),
			(error: unknown) => ({ error }),
		);
	if ('response' in archiving) {
		return toProjectItem(archiving.response.body as Project, { alreadyArchived: false });
	}
	const { status, errorCode } = openAiErrorFacts(archiving.error);
	if (status !== 400 || errorCode !== 'project_archived') throw archiving.error;

	// Archived in the meantime (or the API says so while it archives): report the project as it is now.
	const project = await readProject.call(this, projectId, itemIndex, limits);
	if (project.status !== 'archived') throw archiving.error;
	return toProjectItem(project, { alreadyArchived: true, message: archivedOn(project) });
}
