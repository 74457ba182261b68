import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { loadForPicker } from '../../shared/methods/pickerErrors';
import { listPages, MAX_PAGE_SIZE, openAiRequest } from '../../shared/transport';
import type { Project } from '../helpers/projects';

/** More matches than the picker's dropdown shows at once, so it can scroll and ask for more. */
const SCREENFUL = 20;

const PROJECT_ID = /^proj_[A-Za-z0-9_-]+$/;

function toResult(project: Project): INodeListSearchItems {
	return {
		name: project.status === 'archived' ? `${project.name ?? project.id} (archived)` : (project.name ?? project.id),
		value: project.id,
		url: `https://platform.openai.com/settings/${project.id}/general`,
	};
}

/** A project ID typed in the search box is looked up directly, wherever it sits in the list. */
async function projectById(this: ILoadOptionsFunctions, id: string): Promise<Project | undefined> {
	try {
		const { body } = await openAiRequest.call(this, {
			method: 'GET',
			path: `/organization/projects/${id}`,
			subject: `project ${id}`,
			maxRetries: 1,
		});
		return (body as Project)?.id ? (body as Project) : undefined;
	} catch {
		// Not found (or not readable): the walk below still searches names and IDs.
		return undefined;
	}
}

/**
 * Searches the whole organization: walks the list page by page (from `paginationToken`) until a screenful of
 * projects match or the list ends, and answers the token to continue from when there may be more. Matching is on
 * name and ID, case-insensitive; exact matches come first.
 */
export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await loadForPicker(this, async () => {
		const needle = (filter ?? '').trim().toLowerCase();
		const found: Project[] = [];
		if (!paginationToken && PROJECT_ID.test(needle)) {
			const project = await projectById.call(this, (filter ?? '').trim());
			if (project) found.push(project);
		}
		const qs: IDataObject = { include_archived: true };
		if (paginationToken) qs.after = paginationToken;
		let lastRead: string | undefined;
		let ended = true;
		for await (const page of listPages.call(this, { path: '/organization/projects', qs, pageSize: MAX_PAGE_SIZE, maxRetries: 1 })) {
			for (const project of page as Project[]) {
				const matches = !needle || `${project.name ?? ''}\n${project.id}`.toLowerCase().includes(needle);
				if (matches && !found.some((known) => known.id === project.id)) found.push(project);
			}
			lastRead = page.length ? String(page[page.length - 1].id) : lastRead;
			if (found.length >= SCREENFUL) {
				ended = false;
				break;
			}
		}
		const exact = (project: Project) =>
			Number((project.name ?? '').toLowerCase() === needle || project.id.toLowerCase() === needle);
		const ordered = needle ? [...found].sort((a, b) => exact(b) - exact(a)) : found;
		return { results: ordered.map(toResult), paginationToken: ended ? undefined : lastRead };
	});
}
