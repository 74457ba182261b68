import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../shared/execution/operation';
import { readRequestLimits } from '../../shared/execution/requestOptions';
import type { RequestLimits } from '../../shared/execution/requestOptions';
import { listPages, openAiRequest } from '../../shared/transport';
import { projectLocator } from './projectLocator';
import { getProjectId } from '../../shared/resources/projects';

/** e.g. /organization/projects/proj_abc/spend_alerts */
export const projectPath = (projectId: string, subPath: string) => `/organization/projects/${projectId}/${subPath}`;

export interface InProjectRequest {
	method: IHttpRequestMethods;
	subPath: string;
	body?: IDataObject;
	itemIndex: number;
	limits: RequestLimits;
	/** what a 404 could not find; the project by default */
	subject?: string;
}

/** One request to something inside a project; the answer's body. */
export async function requestInProject(
	this: IExecuteFunctions,
	projectId: string,
	request: InProjectRequest,
): Promise<IDataObject> {
	const response = await openAiRequest.call(this, {
		method: request.method,
		path: projectPath(projectId, request.subPath),
		body: request.body,
		itemIndex: request.itemIndex,
		subject: request.subject ?? `project ${projectId}`,
		...request.limits,
	});
	return response.body as IDataObject;
}

/** A list inside a project (every page, or until `limit` items), each entry made an output item by `toItem`. */
export async function listInProject(
	this: IExecuteFunctions,
	projectId: string,
	subPath: string,
	options: { limit: number; itemIndex: number; limits: RequestLimits; toItem: (entry: IDataObject) => IDataObject },
): Promise<IDataObject[]> {
	const found: IDataObject[] = [];
	const pages = listPages.call(this, {
		path: projectPath(projectId, subPath),
		itemIndex: options.itemIndex,
		wanted: options.limit,
		...options.limits,
	});
	for await (const page of pages) {
		for (const entry of page) {
			found.push(options.toItem(entry));
			if (found.length >= options.limit) return found;
		}
	}
	return found;
}

/** The "Get" of a project's setting (model permissions, hosted tools): one GET, the answer with its project. */
export function projectSettingReader(resource: string, subPath: string, projectDescription: string) {
	const description: INodeProperties[] = updateDisplayOptions({ show: { resource: [resource], operation: ['get'] } }, [
		{ ...projectLocator, description: projectDescription },
	]);
	function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
		const projectId = getProjectId.call(this, itemIndex);
		const limits = readRequestLimits.call(this, itemIndex);
		return {
			send: async () => [
				{ project_id: projectId, ...(await requestInProject.call(this, projectId, { method: 'GET', subPath, itemIndex, limits })) },
			],
		};
	}
	return { description, prepare };
}
