import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { loadForPicker } from './pickerErrors';
import { isProjectId, openAiRequest, readCursorList } from '../transport';
import { projectLabel } from '../resources/projects';
import { personLabel, SCREENFUL, searchList } from './searchList';
import type { Project } from '../resources/projects';

// Pickers over the whole organization (its projects and its users), for every node that names one.

function toResult(project: Project): INodeListSearchItems {
	return {
		name: projectLabel(project),
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
		const typed = (filter ?? '').trim();
		const needle = typed.toLowerCase();
		const found: Project[] = [];
		if (!paginationToken && isProjectId(typed)) {
			const project = await projectById.call(this, typed);
			if (project) found.push(project);
		}
		const qs: IDataObject = { include_archived: true };
		if (paginationToken) qs.after = paginationToken;
		let continueAfter: string | undefined;
		for await (const page of readCursorList.call(this, { path: '/organization/projects', qs, maxRetries: 1 })) {
			for (const project of page.data as Project[]) {
				const matches = !needle || `${project.name ?? ''}\n${project.id}`.toLowerCase().includes(needle);
				if (matches && !found.some((known) => known.id === project.id)) found.push(project);
			}
			if (found.length >= SCREENFUL) {
				continueAfter = page.next;
				break;
			}
		}
		const exact = (project: Project) =>
			Number((project.name ?? '').toLowerCase() === needle || project.id.toLowerCase() === needle);
		const ordered = needle ? [...found].sort((a, b) => exact(b) - exact(a)) : found;
		return { results: ordered.map(toResult), paginationToken: continueAfter };
	});
}

/** Users of the organization, for "Add" (only they can be added to a project). */
export async function searchOrganizationUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await loadForPicker(this, async () => await searchList.call(this, '/organization/users', 'the user list', personLabel, filter, paginationToken));
}
