import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import type { RequestLimits } from '../../../shared/execution/requestOptions';
import { openAiErrorFacts, openAiRequest } from '../../../shared/transport';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId, toProjectItem } from '../../helpers/projects';
import type { Project } from '../../helpers/projects';

export const description = updateDisplayOptions({ show: { resource: ['project'], operation: ['archive'] } }, [
	{
		...projectLocator,
		description: 'The project to archive. Archiving cannot be undone; the Default project cannot be archived.',
	},
]);

/** Archiving cannot be undone. */
export const destructive = true;

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return { send: async () => await archiveProject.call(this, projectId, itemIndex, limits) };
}

async function archiveProject(
	this: IExecuteFunctions,
	projectId: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject[]> {
	const subject = `project ${projectId}`;
	const archiving = await openAiRequest
		.call(this, {
			method: 'POST',
			path: `/organization/projects/${projectId}/archive`,
			itemIndex,
			subject,
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

	// Archiving twice must not break an automation that runs twice: report the project as it is.
	const current = await openAiRequest.call(this, {
		method: 'GET',
		path: `/organization/projects/${projectId}`,
		itemIndex,
		subject,
		...limits,
	});
	const project = current.body as Project;
	if (project.status !== 'archived') throw archiving.error;
	return [
		toProjectItem(project, {
			alreadyArchived: true,
			message: `Project ${projectId} was already archived on ${new Date((project.archived_at ?? 0) * 1000).toISOString()}; nothing changed.`,
		}),
	];
}
