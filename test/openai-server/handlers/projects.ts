import { isObject, nowSeconds, queryValue, type Handler, type HandlerContext } from '../context';
import * as E from '../errors';
import { NO_ACTIVITY, newProjectId } from '../seed';
import type { ProjectRecord } from '../types';

const RESIDENCIES = [
	'GLOBAL',
	'US_STORAGE_PROCESSING',
	'EU_STORAGE_PROCESSING',
	'JP_STORAGE',
	'KR_STORAGE',
	'CA_STORAGE',
	'SG_STORAGE',
	'IN_STORAGE',
	'AU_STORAGE',
	'GB_STORAGE',
	'AE_STORAGE',
	'AE_STORAGE_PROCESSING',
];

export function projectJson(project: ProjectRecord) {
	return {
		id: project.id,
		object: 'organization.project',
		name: project.name,
		created_at: project.createdAt,
		archived_at: project.archivedAt,
		status: project.archivedAt === null ? 'active' : 'archived',
		external_key_id: project.externalKeyId,
		...(project.residency ? { residency: project.residency } : {}),
	};
}

/** One organization's projects oldest first, and where each ID stands in that order. */
interface ProjectOrder {
	projects: ProjectRecord[];
	positions: Map<string, number>;
}

/**
 * The order is kept between pages, so a page costs time in proportion to the page, not to the organization
 * (a benchmark of 100,000 projects would otherwise mostly measure this server). It is rebuilt when the project
 * list is replaced (reset) or changes length (a create, a test that adds projects).
 */
const orders = new WeakMap<ProjectRecord[], { length: number; byOrganization: Map<string, ProjectOrder> }>();

/** Oldest first; Array.prototype.sort is stable, so equal timestamps keep their creation order. */
function organizationProjects(context: HandlerContext): ProjectOrder {
	const all = context.world.state.projects;
	let cached = orders.get(all);
	if (!cached || cached.length !== all.length) {
		cached = { length: all.length, byOrganization: new Map() };
		orders.set(all, cached);
	}
	const organizationId = context.caller.organizationId;
	let order = cached.byOrganization.get(organizationId);
	if (!order) {
		const projects = all
			.filter((project) => project.organizationId === organizationId)
			.sort((a, b) => a.createdAt - b.createdAt);
		order = { projects, positions: new Map(projects.map((project, index) => [project.id, index])) };
		cached.byOrganization.set(organizationId, order);
	}
	return order;
}

export const listProjects: Handler = (context) => {
	const limit = readLimit(queryValue(context.query, 'limit'));
	const includeArchived = readBoolean(
		queryValue(context.query, 'include_archived'),
		'include_archived',
	);
	const after = context.repeatCursor ? undefined : queryValue(context.query, 'after');
	const { projects, positions } = organizationProjects(context);

	let start = 0;
	if (after !== undefined) {
		const index = positions.get(after);
		if (index === undefined)
			throw E.invalidValue('after', `no project with id '${after}' in this organization.`);
		start = index + 1;
	}
	// Reads one project past the page to know whether there are more.
	const page: ProjectRecord[] = [];
	let more = false;
	for (let index = start; index < projects.length; index++) {
		const project = projects[index];
		if (!includeArchived && project.archivedAt !== null) continue;
		if (page.length === limit) {
			more = true;
			break;
		}
		page.push(project);
	}
	return {
		body: {
			object: 'list',
			data: page.map(projectJson),
			first_id: page[0]?.id ?? null,
			last_id: page[page.length - 1]?.id ?? null,
			// The injected bug: a client that trusts has_more alone loops forever on the same cursor.
			has_more: context.repeatCursor || more,
		},
	};
};

export const retrieveProject: Handler = (context) => ({ body: projectJson(findProject(context)) });

export const createProject: Handler = (context) => {
	const body = requireObject(context.body);
	if (body.name === undefined || body.name === null) throw E.missingParameter('name');
	const name = readName(body.name);
	const residency = readResidency(body.residency);
	const externalKeyId = readOptionalString(body.external_key_id, 'external_key_id');
	const project: ProjectRecord = {
		id: newProjectId(context.world.random),
		organizationId: context.caller.organizationId,
		name,
		createdAt: nowSeconds(context.world),
		archivedAt: null,
		isDefault: false,
		externalKeyId: externalKeyId ?? null,
		residency: residency ?? null,
		activity: { ...NO_ACTIVITY, keys: [] },
	};
	context.world.state.projects.push(project);
	return { body: projectJson(project) };
};

export const modifyProject: Handler = (context) => {
	const project = findProject(context);
	const body = requireObject(context.body ?? {});
	if (project.isDefault) throw E.defaultProjectUnchangeable('update');
	if (project.archivedAt !== null) throw E.projectArchived(project.id);
	const name = body.name === undefined || body.name === null ? undefined : readName(body.name);
	const externalKeyId = readOptionalString(body.external_key_id, 'external_key_id');
	if (name !== undefined) project.name = name;
	if (externalKeyId !== undefined) project.externalKeyId = externalKeyId;
	return { body: projectJson(project) };
};

export const archiveProject: Handler = (context) => {
	const project = findProject(context);
	if (project.isDefault) throw E.defaultProjectUnchangeable('archive');
	if (project.archivedAt !== null) throw E.projectArchived(project.id);
	project.archivedAt = nowSeconds(context.world);
	return { body: projectJson(project) };
};

export function findProject(context: HandlerContext): ProjectRecord {
	const id = context.params.project_id;
	const project = context.world.state.projects.find(
		(candidate) =>
			candidate.id === id && candidate.organizationId === context.caller.organizationId,
	);
	if (!project) throw E.projectNotFound(id);
	return project;
}

/** A project whose members, service accounts and keys may be read or changed: archived ones have none. */
export function findActiveProject(context: HandlerContext): ProjectRecord {
	const project = findProject(context);
	if (project.archivedAt !== null) throw E.projectArchived(project.id);
	return project;
}

export function readLimit(raw: string | undefined): number {
	if (raw === undefined) return 20;
	if (!/^-?\d+$/.test(raw)) throw E.invalidType('limit', 'an integer', raw);
	const limit = Number(raw);
	if (limit < 1 || limit > 100) throw E.integerOutOfRange('limit', 1, 100, limit);
	return limit;
}

function readBoolean(raw: string | undefined, param: string): boolean {
	if (raw === undefined) return false;
	if (raw === 'true' || raw === '1') return true;
	if (raw === 'false' || raw === '0') return false;
	throw E.invalidType(param, 'a boolean', raw);
}

function requireObject(body: unknown): Record<string, unknown> {
	if (!isObject(body)) throw E.invalidType('body', 'an object', body);
	return body;
}

function readName(name: unknown): string {
	if (typeof name !== 'string') throw E.invalidType('name', 'a string', name);
	const trimmed = name.trim();
	// ours: OpenAI's exact text for a blank name is not verified.
	if (trimmed === '') throw E.invalidValue('name', 'the project name must not be empty.');
	return trimmed;
}

function readResidency(residency: unknown): string | undefined {
	if (residency === undefined || residency === null) return undefined;
	if (typeof residency !== 'string' || !RESIDENCIES.includes(residency)) {
		throw E.invalidValue('residency', `expected one of ${RESIDENCIES.join(', ')}.`);
	}
	return residency;
}

function readOptionalString(value: unknown, param: string): string | null | undefined {
	if (value === undefined || value === null) return value;
	if (typeof value !== 'string') throw E.invalidType(param, 'a string', value);
	return value;
}
