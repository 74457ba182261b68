import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { isArchived, toProjectItem } from '../../shared/resources/projects';
import type { Project } from '../../shared/resources/projects';
import { listPages } from '../../shared/transport';
import type { Feed, TriggerSettings, TriggerState } from './feed';
import type { PollBudget } from './pollBudget';

/** Every project, archived ones included: one request per 100 projects. */
export async function readAllProjects(this: IPollFunctions, includeArchived: boolean, budget: PollBudget): Promise<Project[]> {
	const projects: Project[] = [];
	const qs = includeArchived ? { include_archived: true } : {};
	for await (const page of listPages.call(this, { path: '/organization/projects', qs, ...budget.requestOptions() })) {
		projects.push(...(page as Project[]));
		budget.checkBeforeRequest();
	}
	return projects;
}

const created = (project: Project): IDataObject => ({ event: 'projectCreated', ...toProjectItem(project) });
const archived = (project: Project): IDataObject => ({ event: 'projectArchived', ...toProjectItem(project) });

function watching(settings: TriggerSettings) {
	return { created: settings.events.includes('projectCreated'), archived: settings.events.includes('projectArchived') };
}

/**
 * The list read, against the state as it is now. What the state knows only grows (OpenAI archives projects but
 * never deletes or restores them): a list read before another poll's, applied after it, cannot make a project
 * known there look new again.
 */
function commitProjects(settings: TriggerSettings, state: TriggerState, projects: Project[], now: number): IDataObject[] {
	const watch = watching(settings);
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
	const archivedIds = new Set([...knownArchived, ...projects.filter(isArchived).map((project) => project.id)]);
	const activeIds = [...knownActive, ...projects.filter((project) => !isArchived(project)).map((project) => project.id)];
	state.projects = {
		active: [...new Set(activeIds)].filter((id) => !archivedIds.has(id)),
		archived: [...archivedIds],
	};
	const timeOf = (event: IDataObject) =>
		Number(event.event === 'projectArchived' ? event.archived_at : event.created_at) || 0;
	return events.sort((a, b) => timeOf(a) - timeOf(b));
}

/**
 * A project is new when its id was not known to the last poll, archived when it was not known as archived. The ids
 * are what is remembered (not a time), so a project whose creation OpenAI shows late is still seen once, and only once.
 */
export const projectFeed: Feed = {
	watches: (settings) => settings.events.includes('projectCreated') || settings.events.includes('projectArchived'),

	async read(settings, _state, now, budget) {
		const projects = await readAllProjects.call(this, true, budget);
		return (live) => commitProjects(settings, live, projects, now);
	},

	async latest(settings, _now, budget) {
		const watch = watching(settings);
		const projects = await readAllProjects.call(this, true, budget);
		const candidates = [
			...(watch.created ? projects.map((project) => ({ time: project.created_at, item: created(project) })) : []),
			...(watch.archived
				? projects.filter(isArchived).map((project) => ({ time: project.archived_at ?? 0, item: archived(project) }))
				: []),
		].sort((a, b) => b.time - a.time);
		return candidates.length ? [candidates[0].item] : [];
	},
};
