import { isObject, nowSeconds, queryValue, type Handler, type HandlerContext } from '../context';
import * as E from '../errors';
import { OpenAiError } from '../errors';
import {
	findGroup,
	forgetGroup,
	groupJson,
	groupNotFound,
	groupUserIds,
	organizationGroups,
} from '../groups';
import type { GroupRecord, OrganizationUserRecord, ProjectGroupRecord } from '../types';
import { randomAlphanumeric } from '../random';
import { findActiveProject } from './projects';

/**
 * Groups (issue 31): the organization's groups, their users, and the projects each may use. Lists page with
 * `limit`/`after` (an entry's ID) and answer `has_more` with `next`: the ID to continue after, null at the end.
 */

const INVALID_REQUEST = 'invalid_request_error';
const GROUP_TYPES = ['group', 'tenant_group'];

// Texts "ours": OpenAI's are not on record.
const scimManaged = (groupId: string) =>
	new OpenAiError(
		400,
		`Group '${groupId}' is managed through SCIM by your identity provider; change it there.`,
		INVALID_REQUEST,
		'group_scim_managed',
		'group_id',
	);
const groupUserNotFound = (userId: string, groupId: string) =>
	new OpenAiError(404, `No user '${userId}' in group '${groupId}'.`, INVALID_REQUEST, 'not_found', 'user_id');
const alreadyInGroup = (userId: string, groupId: string) =>
	new OpenAiError(400, `User '${userId}' is already in group '${groupId}'.`, INVALID_REQUEST, 'group_user_exists', 'user_id');
const projectGroupNotFound = (groupId: string, projectId: string) =>
	new OpenAiError(404, `Group '${groupId}' has no access to project '${projectId}'.`, INVALID_REQUEST, 'not_found', 'group_id');
const alreadyProjectGroup = (groupId: string, projectId: string) =>
	new OpenAiError(
		400,
		`Group '${groupId}' already has access to project '${projectId}'.`,
		INVALID_REQUEST,
		'project_group_exists',
		'group_id',
	);
const userNotInOrganization = (userId: string) =>
	new OpenAiError(
		404,
		`No user '${userId}' in this organization. Only members of the organization can be added to a group.`,
		INVALID_REQUEST,
		'not_found',
		'user_id',
	);

/** `limit` as the contract bounds it for this list (0 allowed: an empty page that still says `has_more`). */
function readPageLimit(context: HandlerContext, fallback: number, max: number): number {
	const raw = queryValue(context.query, 'limit');
	if (raw === undefined) return fallback;
	if (!/^-?\d+$/.test(raw)) throw E.invalidType('limit', 'an integer', raw);
	const limit = Number(raw);
	if (limit < 0 || limit > max) throw E.integerOutOfRange('limit', 0, max, limit);
	return limit;
}

function readOrder(context: HandlerContext, fallback: 'asc' | 'desc'): 'asc' | 'desc' {
	const order = queryValue(context.query, 'order') ?? fallback;
	if (order !== 'asc' && order !== 'desc') throw E.invalidValue('order', "expected 'asc' or 'desc'.");
	return order;
}

/** One page of `entries` (ids by `idOf`), oldest first unless `order=desc`. */
function listPage<T>(
	context: HandlerContext,
	entries: T[],
	idOf: (entry: T) => string,
	toJson: (entry: T) => unknown,
	limits: { fallback: number; max: number; order: 'asc' | 'desc' },
) {
	const limit = readPageLimit(context, limits.fallback, limits.max);
	const ordered = readOrder(context, limits.order) === 'asc' ? entries : [...entries].reverse();
	const after = context.repeatCursor ? undefined : queryValue(context.query, 'after');
	let start = 0;
	if (after !== undefined) {
		const index = ordered.findIndex((entry) => idOf(entry) === after);
		if (index < 0) throw E.invalidValue('after', `no entry with id '${after}' in this list.`);
		start = index + 1;
	}
	const slice = ordered.slice(start, start + limit);
	const hasMore = start + limit < ordered.length;
	const last = slice.length > 0 ? idOf(slice[slice.length - 1]) : after ?? null;
	return { object: 'list', data: slice.map(toJson), has_more: hasMore, next: hasMore ? last : null };
}

function callerGroup(context: HandlerContext): GroupRecord {
	return findGroup(context.world.state, context.caller.organizationId, context.params.group_id);
}

function changeableGroup(context: HandlerContext): GroupRecord {
	const group = callerGroup(context);
	if (group.isScimManaged) throw scimManaged(group.id);
	return group;
}

function readName(body: unknown): string {
	if (!isObject(body)) throw E.invalidType('body', 'an object', body);
	const name = body.name;
	if (name === undefined || name === null) throw E.missingParameter('name');
	if (typeof name !== 'string') throw E.invalidType('name', 'a string', name);
	if (name.trim() === '' || name.length > 255) throw E.invalidValue('name', 'expected 1 to 255 characters.');
	return name;
}

function readId(body: unknown, param: string): string {
	if (!isObject(body)) throw E.invalidType('body', 'an object', body);
	const value = body[param];
	if (value === undefined || value === null) throw E.missingParameter(param);
	if (typeof value !== 'string' || value === '') throw E.invalidType(param, 'a string', value);
	return value;
}

export const listGroups: Handler = (context) => ({
	body: listPage(context, organizationGroups(context.world.state, context.caller.organizationId), (group) => group.id, groupJson, {
		fallback: 100,
		max: 1000,
		order: 'asc',
	}),
});

export const createGroup: Handler = (context) => {
	const name = readName(context.body);
	const group: GroupRecord = {
		id: `group_${randomAlphanumeric(context.world.random, 24)}`,
		organizationId: context.caller.organizationId,
		name,
		createdAt: nowSeconds(context.world),
		isScimManaged: false,
		groupType: 'group',
	};
	context.world.state.groups.push(group);
	return { body: groupJson(group) };
};

export const retrieveGroup: Handler = (context) => ({ body: groupJson(callerGroup(context)) });

/** POST /organization/groups/{group_id}: a new name; the answer is GroupResourceWithSuccess (no group_type). */
export const updateGroup: Handler = (context) => {
	const group = changeableGroup(context);
	group.name = readName(context.body);
	return { body: { id: group.id, name: group.name, created_at: group.createdAt, is_scim_managed: group.isScimManaged } };
};

/** DELETE: the group, its users' memberships and its access to every project go. */
export const deleteGroup: Handler = (context) => {
	const group = changeableGroup(context);
	forgetGroup(context.world.state, group.id);
	return { body: { object: 'group.deleted', id: group.id, deleted: true } };
};

function groupUsers(context: HandlerContext, group: GroupRecord): OrganizationUserRecord[] {
	const { users } = context.world.state;
	return groupUserIds(context.world.state, group.id)
		.map((userId) => users.find((user) => user.id === userId))
		.filter((user): user is OrganizationUserRecord => user !== undefined);
}

/** GET .../users: newest member first unless `order=asc` (the contract's default is desc). */
export const listGroupUsers: Handler = (context) => {
	const group = callerGroup(context);
	return {
		body: listPage(context, groupUsers(context, group), (user) => user.id, (user) => ({ id: user.id, name: user.name, email: user.email }), {
			fallback: 100,
			max: 1000,
			order: 'desc',
		}),
	};
};

export const addGroupUser: Handler = (context) => {
	const group = callerGroup(context);
	const userId = readId(context.body, 'user_id');
	if (group.isScimManaged) throw scimManaged(group.id);
	const user = context.world.state.users.find(
		(candidate) => candidate.id === userId && candidate.organizationId === group.organizationId,
	);
	if (!user) throw userNotInOrganization(userId);
	if (groupUserIds(context.world.state, group.id).includes(userId)) throw alreadyInGroup(userId, group.id);
	context.world.state.groupUsers.push({ groupId: group.id, userId, addedAt: nowSeconds(context.world) });
	return { body: { object: 'group.user', user_id: userId, group_id: group.id } };
};

function groupMember(context: HandlerContext, group: GroupRecord): OrganizationUserRecord {
	const user = groupUsers(context, group).find((candidate) => candidate.id === context.params.user_id);
	if (!user) throw groupUserNotFound(context.params.user_id, group.id);
	return user;
}

export const retrieveGroupUser: Handler = (context) => {
	const user = groupMember(context, callerGroup(context));
	return {
		body: {
			id: user.id,
			name: user.name,
			email: user.email,
			picture: null,
			is_service_account: false,
			user_type: 'user',
		},
	};
};

export const removeGroupUser: Handler = (context) => {
	const group = callerGroup(context);
	const user = groupMember(context, group);
	if (group.isScimManaged) throw scimManaged(group.id);
	const { state } = context.world;
	state.groupUsers = state.groupUsers.filter((member) => !(member.groupId === group.id && member.userId === user.id));
	return { body: { object: 'group.user.deleted', deleted: true } };
};

function projectGroupJson(context: HandlerContext, access: ProjectGroupRecord) {
	const group = context.world.state.groups.find((candidate) => candidate.id === access.groupId);
	return {
		object: 'project.group',
		project_id: access.projectId,
		group_id: access.groupId,
		group_name: group?.name ?? '',
		group_type: group?.groupType ?? 'group',
		created_at: access.createdAt,
	};
}

function projectGroups(context: HandlerContext, projectId: string): ProjectGroupRecord[] {
	return context.world.state.projectGroups.filter((access) => access.projectId === projectId);
}

function findProjectGroup(context: HandlerContext, projectId: string): ProjectGroupRecord {
	const access = projectGroups(context, projectId).find((candidate) => candidate.groupId === context.params.group_id);
	if (!access) throw projectGroupNotFound(context.params.group_id, projectId);
	return access;
}

export const listProjectGroups: Handler = (context) => {
	const project = findActiveProject(context);
	return {
		body: listPage(context, projectGroups(context, project.id), (access) => access.groupId, (access) => projectGroupJson(context, access), {
			fallback: 20,
			max: 100,
			order: 'asc',
		}),
	};
};

/** POST .../groups: `group_id` and `role` (a project role ID); the group must be the organization's. */
export const addProjectGroup: Handler = (context) => {
	const project = findActiveProject(context);
	const groupId = readId(context.body, 'group_id');
	const role = readId(context.body, 'role');
	if (!/^role_[A-Za-z0-9]+$/.test(role)) throw E.invalidValue('role', `expected a project role ID (role_...), not '${role}'.`);
	const group = context.world.state.groups.find(
		(candidate) => candidate.id === groupId && candidate.organizationId === project.organizationId,
	);
	if (!group) throw groupNotFound(groupId);
	if (projectGroups(context, project.id).some((access) => access.groupId === groupId)) throw alreadyProjectGroup(groupId, project.id);
	const access: ProjectGroupRecord = { projectId: project.id, groupId, role, createdAt: nowSeconds(context.world) };
	context.world.state.projectGroups.push(access);
	return { body: projectGroupJson(context, access) };
};

export const retrieveProjectGroup: Handler = (context) => {
	const project = findActiveProject(context);
	const groupType = queryValue(context.query, 'group_type');
	if (groupType !== undefined && !GROUP_TYPES.includes(groupType))
		throw E.invalidValue('group_type', "expected 'group' or 'tenant_group'.");
	return { body: projectGroupJson(context, findProjectGroup(context, project.id)) };
};

export const removeProjectGroup: Handler = (context) => {
	const project = findActiveProject(context);
	const access = findProjectGroup(context, project.id);
	const { state } = context.world;
	state.projectGroups = state.projectGroups.filter((candidate) => candidate !== access);
	return { body: { object: 'project.group.deleted', deleted: true } };
};

const GROUP = '(?<group_id>[^/]+)';
const PROJECT = '(?<project_id>[^/]+)';
const USER = '(?<user_id>[^/]+)';

/** The group routes, for routes.ts. */
export const GROUP_ROUTES: Array<['GET' | 'POST' | 'DELETE', string, Handler]> = [
	['GET', '/organization/groups', listGroups],
	['POST', '/organization/groups', createGroup],
	['GET', `/organization/groups/${GROUP}`, retrieveGroup],
	['POST', `/organization/groups/${GROUP}`, updateGroup],
	['DELETE', `/organization/groups/${GROUP}`, deleteGroup],
	['GET', `/organization/groups/${GROUP}/users`, listGroupUsers],
	['POST', `/organization/groups/${GROUP}/users`, addGroupUser],
	['GET', `/organization/groups/${GROUP}/users/${USER}`, retrieveGroupUser],
	['DELETE', `/organization/groups/${GROUP}/users/${USER}`, removeGroupUser],
	['GET', `/organization/projects/${PROJECT}/groups`, listProjectGroups],
	['POST', `/organization/projects/${PROJECT}/groups`, addProjectGroup],
	['GET', `/organization/projects/${PROJECT}/groups/${GROUP}`, retrieveProjectGroup],
	['DELETE', `/organization/projects/${PROJECT}/groups/${GROUP}`, removeProjectGroup],
];
