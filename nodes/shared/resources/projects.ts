import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestLimits } from '../execution/requestOptions';
import { isProjectId, openAiRequest } from '../transport';
import { runScoped } from '../execution/runScoped';
import { readableItem } from './readableItem';
import { utcIso } from '../time/dates';

export interface Project extends IDataObject {
	id: string;
	object: string;
	name: string | null;
	created_at: number;
	archived_at: number | null;
	status: string | null;
}

/**
 * The API marks no project as the Default one; it is the project named "Default project", which cannot be renamed.
 * Another project given that name is treated the same way: refusing it is safe, archiving the real one is not.
 */
export function isDefaultProject(project: Pick<Project, 'name'>): boolean {
	return (project.name ?? '').trim().toLowerCase() === 'default project';
}

function isoFromUnix(seconds: unknown): string | null {
	return typeof seconds === 'number' ? utcIso(seconds) : null;
}

/** A project: its name, status and dates first (see readableItem), then OpenAI's answer unchanged. */
export function toProjectItem(project: Project, extra: IDataObject = {}): IDataObject {
	// Both dates always, null when OpenAI leaves one out, as items had them before.
	return readableItem(project, { createdAtIso: isoFromUnix(project.created_at), archivedAtIso: isoFromUnix(project.archived_at), ...extra });
}

/** Archived by status or by date: either is enough. */
export function isArchived(project: Project): boolean {
	return project.status === 'archived' || (project.archived_at !== null && project.archived_at !== undefined);
}

/** How a picker names a project: its name (or ID), archived ones marked. */
export function projectLabel(project: Project): string {
	const name = project.name ?? project.id;
	return isArchived(project) ? `${name} (archived)` : name;
}

/** The "Project" locator's value, from the list or typed as an ID, checked before any request. */
export function getProjectId(this: IExecuteFunctions, itemIndex: number): string {
	const projectId = String(this.getNodeParameter('projectId', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!projectId) {
		throw new NodeOperationError(this.getNode(), '"Project" is empty: pick a project from the list or enter its ID', {
			itemIndex,
		});
	}
	if (!isProjectId(projectId)) {
		throw new NodeOperationError(
			this.getNode(),
			`"Project" must be a project ID like proj_AbC123…, not "${projectId}"`,
			{ itemIndex, description: 'Pick the project from the list, or copy its ID from platform.openai.com/settings/organization/projects.' },
		);
	}
	return projectId;
}

/** The "Name" of a project to create or the new name of one, trimmed; never empty. */
export function getProjectName(this: IExecuteFunctions, itemIndex: number): string {
	const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
	if (!name) {
		throw new NodeOperationError(this.getNode(), '"Name" is empty: a project needs a name', {
			itemIndex,
			description: 'Enter a name, or check that the expression gives one for every item.',
		});
	}
	return name;
}

/** GET /organization/projects/{id}: the project as it is now (404 when it is not in the organization). */
export async function readProject(
	this: IExecuteFunctions,
	projectId: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<Project> {
	const response = await openAiRequest.call(this, {
		method: 'GET',
		path: `/organization/projects/${projectId}`,
		itemIndex,
		subject: `project ${projectId}`,
		...limits,
	});
	return response.body as Project;
}

/** A project's name, read once per execution however many items name the project (key items carry it). */
export async function readProjectName(
	this: IExecuteFunctions,
	projectId: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<string | null> {
	const project = await runScoped(this, `project ${projectId}`, async () => await readProject.call(this, projectId, itemIndex, limits));
	return project.name ?? null;
}
