import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { isArchived, toProjectItem } from '../../shared/resources/projects';
import type { Project } from '../../shared/resources/projects';
import { listPages } from '../../shared/transport';
import type { Feed, TriggerSettings } from './feed';

/** Every project, archived ones included: one request per 100 projects. */
export async function readAllProjects(this: IPollFunctions, includeArchived: boolean): Promise<Project[]> {
	const projects: Project[] = [];
	const qs = includeArchived ? { include_archived: true } : {};
	for await (const page of listPages.call(this, { path: '/organization/projects', qs })) {
		projects.push(...(page as Project[]));
	}
	return projects;
}

const created = (project: Project): IDataObject => ({ event: 'projectCreated', ...toProjectItem(project) });
const archived = (project: Project): IDataObject => ({ event: 'projectArchived', ...toProjectItem(project) });

function watching(settings: TriggerSettings) {
	return { created: settings.events.includes('projectCreated'), archived: settings.events.includes('projectArchived') };
}

/**
 * A project is new when its id was not in the last poll's list, archived when it was not archived then. The ids are
 * what is remembered (not a time), so a project whose creation OpenAI shows late is still seen once, and only once.
 */
export const projectFeed: Feed = {
	watches: (settings) => settings.events.includes('projectCreated') || settings.events.includes('projectArchived'),

	async poll(settings, state, now) {
		const watch = watching(settings);
		const projects = await readAllProjects.call(this, true);
		const first = state.projects === undefined;
		const knownActive = new Set(state.projects?.active ?? []);
		const knownArchived = new Set(state.projects?.archived ?? []);
		const since = now - settings.backfillSeconds;
		const events: IDataObject[] = [];
		for (const project of projects) {
			const isNew = first
				? settings.backfillSeconds > 0 && project.created_at >= since
				: !knownActive.has(project.id) && !knownArchived.has(project.id);
			const newlyArchived =
				isArchived(project) &&
				(first ? settings.backfillSeconds > 0 && (project.archived_at ?? 0) >= since : !knownArchived.has(project.id));
			if (isNew && watch.created) events.push(created(project));
			if (newlyArchived && watch.archived) events.push(archived(project));
		}
		state.projects = {
			active: projects.filter((project) => !isArchived(project)).map((project) => project.id),
			archived: projects.filter(isArchived).map((project) => project.id),
		};
		const timeOf = (event: IDataObject) =>
			Number(event.event === 'projectArchived' ? event.archived_at : event.created_at) || 0;
		return events.sort((a, b) => timeOf(a) - timeOf(b));
	},

	async latest(settings) {
		const watch = watching(settings);
		const projects = await readAllProjects.call(this, true);
		const candidates = [
			...(watch.created ? projects.map((project) => ({ time: project.created_at, item: created(project) })) : []),
			...(watch.archived
				? projects.filter(isArchived).map((project) => ({ time: project.archived_at ?? 0, item: archived(project) }))
				: []),
		].sort((a, b) => b.time - a.time);
		return candidates.length ? [candidates[0].item] : [];
	},
};
