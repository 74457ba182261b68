import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { MAX_PAGE_SIZE, openAiRequest } from '../../shared/transport';
import type { Project } from '../helpers/projects';

interface ProjectPage extends IDataObject {
	data: Project[];
	has_more: boolean;
	last_id?: string | null;
}

/** One page of projects per call; n8n asks for the next page with the token while the user scrolls. */
export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { limit: MAX_PAGE_SIZE, include_archived: true };
	if (paginationToken) qs.after = paginationToken;
	const { body } = await openAiRequest.call(this, { method: 'GET', path: '/organization/projects', qs, maxRetries: 1 });
	const page = body as ProjectPage;
	const needle = (filter ?? '').trim().toLowerCase();
	const results = page.data
		.filter((project) => !needle || `${project.name ?? ''} ${project.id}`.toLowerCase().includes(needle))
		.map((project) => ({
			name: project.status === 'archived' ? `${project.name ?? project.id} (archived)` : (project.name ?? project.id),
			value: project.id,
			url: `https://platform.openai.com/settings/${project.id}/general`,
		}));
	const lastId = page.last_id ?? page.data[page.data.length - 1]?.id;
	return { results, paginationToken: page.has_more && lastId !== paginationToken ? lastId : undefined };
}
