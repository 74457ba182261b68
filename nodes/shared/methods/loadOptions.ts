import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { loadForPicker } from './pickerErrors';
import { loadProjectDirectory } from '../resources/projectDirectory';
import { isArchived, projectLabel } from '../resources/projects';

/** Every project, archived ones marked and listed last: their past costs still count in a report. */
export async function getProjects(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await loadForPicker(this, async () => {
		const directory = await loadProjectDirectory.call(this, { maxRetries: 1 });
		return [...directory.values()]
			.map((project) => ({ name: projectLabel(project), value: project.id, archived: isArchived(project) }))
			.sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name))
			.map(({ name, value }) => ({ name, value }));
	});
}
