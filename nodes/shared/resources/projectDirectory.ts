import { listPages } from '../transport';
import type { OpenAiFunctions } from '../transport';
import type { Project } from './projects';

export interface ProjectDirectoryRequest {
	itemIndex?: number;
	maxRetries?: number;
	timeoutMs?: number;
}

/** Every project of the organization by id, archived ones included: their past costs are still reported. */
export async function loadProjectDirectory(
	this: OpenAiFunctions,
	request: ProjectDirectoryRequest = {},
): Promise<Map<string, Project>> {
	const directory = new Map<string, Project>();
	const pages = listPages.call(this, {
		path: '/organization/projects',
		qs: { include_archived: true },
		...request,
	});
	for await (const page of pages) {
		for (const project of page as Project[]) directory.set(project.id, project);
	}
	return directory;
}

/** The name to show next to a project id; null when the id is not in the directory (or there is no id). */
export function projectNameOf(directory: Map<string, Project>, projectId: unknown): string | null {
	if (typeof projectId !== 'string') return null;
	return directory.get(projectId)?.name ?? null;
}
