import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { findInListing } from '../../shared/execution/listingLookup';
import type { RequestLimits } from '../../shared/execution/requestOptions';
import { readProject } from '../../shared/resources/projects';
import type { Project } from '../../shared/resources/projects';

/**
 * The project as it is now. A run touching many projects finds them in the project list, read by pages once for
 * the run (under the Admin API's limit per endpoint, a GET per project would double a bulk run's time).
 */
export async function lookUpProject(
	this: IExecuteFunctions,
	projectId: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<Project> {
	return (await findInListing.call(
		this,
		{ path: '/organization/projects', qs: { include_archived: true }, itemIndex, ...limits },
		projectId,
		async () => await readProject.call(this, projectId, itemIndex, limits),
	)) as Project;
}

/** A destructive check's first step: the project exists and is active (OpenAI refuses changes to archived ones). */
export async function requireActiveProject(
	this: IExecuteFunctions,
	projectId: string,
	itemIndex: number,
	limits: RequestLimits,
	nothingDone: string,
): Promise<Project> {
	const project = await lookUpProject.call(this, projectId, itemIndex, limits);
	if (project.status === 'archived') {
		throw new NodeOperationError(this.getNode(), `Project ${projectId} is archived, and archived projects cannot be changed`, {
			itemIndex,
			description: `Item ${itemIndex + 1} names an archived project; ${nothingDone} Leave archived projects out, e.g. with "Get Many" projects (it lists active ones only unless told otherwise).`,
		});
	}
	return project;
}
