import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { destructiveProperties } from '../../../shared/execution/destructive';
import type { DestructiveRules, PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import type { RequestLimits } from '../../../shared/execution/requestOptions';
import { DEFAULT_PROJECT_REFUSAL } from '../../../shared/resources/projectRefusals';
import { openAiErrorFacts, openAiRequest } from '../../../shared/transport';
import { lookUpProject } from '../../helpers/projectLookup';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId, isDefaultProject, readProject, toProjectItem } from '../../../shared/resources/projects';
import type { Project } from '../../../shared/resources/projects';

/** Archiving cannot be undone. */
export const destructive: DestructiveRules = { verb: 'archive', pastTense: 'archived', items: 'projects' };

const show = { resource: ['project'], operation: ['archive'] };

export const description = [
	...updateDisplayOptions({ show }, [
		{
			...projectLocator,
			description: 'The project to archive. Archiving cannot be undone; the Default project cannot be archived.',
		},
	]),
	...destructiveProperties(show, destructive),
];

function alreadyArchived(project: Project): IDataObject {
	return toProjectItem(project, {
		alreadyArchived: true,
		message: `Project ${project.id} was already archived on ${new Date((project.archived_at ?? 0) * 1000).toISOString()}; nothing changed.`,
	});
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	let found: Project | undefined;
	return {
		// Before any project of the run is archived: it exists here, it is not the Default project.
		check: async () => {
			found = await lookUpProject.call(this, projectId, itemIndex, limits);
			if (isDefaultProject(found)) {
				throw new NodeOperationError(this.getNode(), DEFAULT_PROJECT_REFUSAL.message, {
					itemIndex,
					description: `${DEFAULT_PROJECT_REFUSAL.fix} Item ${itemIndex + 1} is the Default project (${projectId}); nothing was archived.`,
				});
			}
			const archived = found.status === 'archived';
			return [toProjectItem(found, { dryRun: true, wouldArchive: !archived, alreadyArchived: archived })];
		},
		send: async () =>
			found?.status === 'archived'
				? [alreadyArchived(found)]
				: await archiveProject.call(this, projectId, itemIndex, limits),
	};
}

async function archiveProject(
	this: IExecuteFunctions,
	projectId: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject[]> {
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
		return [toProjectItem(archiving.response.body as Project, { alreadyArchived: false })];
	}
	const { status, errorCode } = openAiErrorFacts(archiving.error);
	if (status !== 400 || errorCode !== 'project_archived') throw archiving.error;

	// Archived in the meantime (or the API says so while it archives): report the project as it is now.
	const project = await readProject.call(this, projectId, itemIndex, limits);
	if (project.status !== 'archived') throw archiving.error;
	return [alreadyArchived(project)];
}
