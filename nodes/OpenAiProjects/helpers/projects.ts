import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import type { RequestTuning } from '../../shared/execution/requestOptions';
import { isProjectId, openAiRequest } from '../../shared/transport';

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
	return typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null;
}

/** The project as OpenAI returns it, plus readable dates for Sort, Filter and spreadsheet nodes. */
export function toProjectItem(project: Project, extra: IDataObject = {}): IDataObject {
	return {
		...project,
		createdAtIso: isoFromUnix(project.created_at),
		archivedAtIso: isoFromUnix(project.archived_at),
		...extra,
	};
}

export function getProjectId(this: IExecuteFunctions, itemIndex: number): string {
	const locator = this.getNodeParameter('projectId', itemIndex) as INodeParameterResourceLocator | string;
	const raw = typeof locator === 'string' ? locator : String(locator?.value ?? '');
	const projectId = raw.trim();
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

export function getProjectName(this: IExecuteFunctions, itemIndex: number, parameter = 'name'): string {
	const name = String(this.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
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
	tuning: RequestTuning,
): Promise<Project> {
	const response = await openAiRequest.call(this, {
		method: 'GET',
		path: `/organization/projects/${projectId}`,
		itemIndex,
		subject: `project ${projectId}`,
		...tuning,
	});
	return response.body as Project;
}
