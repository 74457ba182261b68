import { nowSeconds, queryValue, type HandlerContext, type World } from './context';
import * as E from './errors';
import { OpenAiError } from './errors';
import type { GroupRecord, OrganizationUserRecord, ProjectGroupRecord, ProjectRecord, ProjectUserRecord, ServerState } from './types';

/**
 * Custom roles and role assignments (issue 31). The contract has roles of an organization (`api.organization`) and
 * of a project (`api.project`), some `predefined_role` ("managed by OpenAI": listed, assigned, never changed or
 * deleted: the contract's delete says "Deletes a custom role"). The predefined roles are the old fixed roles: an
 * organization user holds Owner or Reader (their `role`), a project user Owner or Member (theirs), so assigning one
 * changes that `role` and the last owner keeps Owner (400 `last_owner`, as when demoting by the users endpoint).
 * Custom roles and every assignment to a group are records; deleting a role unassigns it everywhere.
 */

export type RoleScope = 'organization' | 'project';

export interface RoleRecord {
	id: string;
	organizationId: string;
	/** null: an organization role */
	projectId: string | null;
	name: string;
	description: string | null;
	permissions: string[];
	createdAt: number;
	updatedAt: number;
	createdBy: string | null;
}

export interface RoleAssignmentRecord {
	roleId: string;
	organizationId: string;
	/** null: assigned in the organization */
	projectId: string | null;
	principalType: 'user' | 'group';
	principalId: string;
	assignedAt: number;
}

/** Ours: the ids and words of the predefined roles are not on record; OpenAI's are the same for every organization. */
export const PREDEFINED_ROLES = {
	organization: [
		{ id: 'role_OrgOwner00000000000001', name: 'Owner', legacy: 'owner', description: 'Full access to the organization' },
		{ id: 'role_OrgReader0000000000002', name: 'Reader', legacy: 'reader', description: 'Can use and read the organization' },
	],
	project: [
		{ id: 'role_ProjOwner0000000000003', name: 'Owner', legacy: 'owner', description: 'Full access to the project' },
		{ id: 'role_ProjMember000000000004', name: 'Member', legacy: 'member', description: 'Can use the project' },
	],
} as const;

export const ORGANIZATION_OWNER_ROLE = PREDEFINED_ROLES.organization[0].id;
export const PROJECT_OWNER_ROLE = PREDEFINED_ROLES.project[0].id;

/** Ours: the permissions a custom role may grant, per kind of role (OpenAI's full list is not in the contract). */
export const PERMISSIONS: Record<RoleScope, readonly string[]> = {
	organization: [
		'api.groups.read',
		'api.groups.write',
		'api.roles.read',
		'api.roles.write',
		'api.users.read',
		'api.users.write',
		'api.invites.read',
		'api.invites.write',
		'api.projects.read',
		'api.projects.write',
		'api.audit_logs.read',
		'api.usage.read',
	],
	project: [
		'api.model.read',
		'api.model.request',
		'api.files.read',
		'api.files.write',
		'api.vector_stores.read',
		'api.vector_stores.write',
		'api.fine_tuning.read',
		'api.fine_tuning.write',
		'api.project.members.read',
		'api.project.members.write',
		'api.project.keys.read',
		'api.project.keys.write',
	],
};

const RESOURCE_TYPE: Record<RoleScope, string> = { organization: 'api.organization', project: 'api.project' };
const INVALID_REQUEST = 'invalid_request_error';

// Texts "ours": OpenAI's are not on record.
export const roleNotFound = (roleId: string) =>
	new OpenAiError(404, `No role found with id '${roleId}'.`, INVALID_REQUEST, 'not_found', 'role_id');
export const roleNotAssigned = (roleId: string, principal: string) =>
	new OpenAiError(404, `Role '${roleId}' is not assigned to ${principal}.`, INVALID_REQUEST, 'not_found', 'role_id');
export const predefinedRole = (roleId: string, action: 'update' | 'delete') =>
	new OpenAiError(
		400,
		`Role '${roleId}' is predefined and managed by OpenAI; it cannot be ${action === 'update' ? 'updated' : 'deleted'}.`,
		INVALID_REQUEST,
		'predefined_role',
		'role_id',
	);
export const roleNameTaken = (name: string) =>
	new OpenAiError(400, `A role named '${name}' already exists.`, INVALID_REQUEST, 'role_name_taken', 'role_name');
export const predefinedRoleKept = (roleId: string, principal: string, instead: string) =>
	new OpenAiError(
		400,
		`${principal} always holds one predefined role; assign ${instead} instead of unassigning '${roleId}'.`,
		INVALID_REQUEST,
		'predefined_role_required',
		'role_id',
	);

/** One role as the contract's Role has it, with the record fields its assignment lists add. */
export interface RoleView {
	id: string;
	scope: RoleScope;
	name: string;
	description: string | null;
	permissions: string[];
	predefined: boolean;
	createdAt: number | null;
	updatedAt: number | null;
	createdBy: string | null;
	/** predefined roles: the old fixed role they stand for */
	legacy?: string;
}

function predefinedViews(scope: RoleScope): RoleView[] {
	return PREDEFINED_ROLES[scope].map((role) => ({
		id: role.id,
		scope,
		name: role.name,
		description: role.description,
		permissions: [...PERMISSIONS[scope]],
		predefined: true,
		createdAt: null,
		updatedAt: null,
		createdBy: null,
		legacy: role.legacy,
	}));
}

function recordView(record: RoleRecord): RoleView {
	return {
		id: record.id,
		scope: record.projectId === null ? 'organization' : 'project',
		name: record.name,
		description: record.description,
		permissions: record.permissions,
		predefined: false,
		createdAt: record.createdAt,
		updatedAt: record.updatedAt,
		createdBy: record.createdBy,
	};
}

export function roleJson(role: RoleView) {
	return {
		object: 'role',
		id: role.id,
		name: role.name,
		description: role.description,
		permissions: role.permissions,
		resource_type: RESOURCE_TYPE[role.scope],
		predefined_role: role.predefined,
	};
}

/** An entry of an assignment list (AssignedRoleDetails). */
export function assignedRoleJson(world: World, role: RoleView) {
	const creator = role.createdBy ? world.state.users.find((user) => user.id === role.createdBy) : undefined;
	return {
		id: role.id,
		name: role.name,
		permissions: role.permissions,
		resource_type: RESOURCE_TYPE[role.scope],
		predefined_role: role.predefined,
		description: role.description,
		created_at: role.createdAt,
		updated_at: role.updatedAt,
		created_by: role.createdBy,
		created_by_user_obj: creator ? { id: creator.id, name: creator.name, email: creator.email } : null,
		metadata: {},
		assignment_sources: null,
	};
}

/** Where roles live: the organization, or one project of it. */
export interface RoleHome {
	organizationId: string;
	project: ProjectRecord | null;
}

export function homeScope(home: RoleHome): RoleScope {
	return home.project ? 'project' : 'organization';
}

/** The roles of an organization or project: the predefined ones first, then the custom ones, oldest first. */
export function rolesOf(world: World, home: RoleHome): RoleView[] {
	const projectId = home.project?.id ?? null;
	const custom = world.state.roles
		.filter((role) => role.organizationId === home.organizationId && role.projectId === projectId)
		.map(recordView);
	return [...predefinedViews(homeScope(home)), ...custom];
}

export function findRole(world: World, home: RoleHome, roleId: string): RoleView {
	const role = rolesOf(world, home).find((candidate) => candidate.id === roleId);
	if (!role) throw roleNotFound(roleId);
	return role;
}

export function findRoleRecord(world: World, home: RoleHome, roleId: string): RoleRecord {
	const projectId = home.project?.id ?? null;
	const record = world.state.roles.find(
		(role) => role.id === roleId && role.organizationId === home.organizationId && role.projectId === projectId,
	);
	if (!record) throw roleNotFound(roleId);
	return record;
}

function readRoleName(value: unknown): string {
	if (typeof value !== 'string') throw E.invalidType('role_name', 'a string', value);
	const name = value.trim();
	if (!name) throw E.invalidValue('role_name', 'the role name must not be empty.');
	return name;
}

function readPermissions(scope: RoleScope, value: unknown): string[] {
	if (!Array.isArray(value)) throw E.invalidType('permissions', 'an array of strings', value);
	if (value.length === 0) throw E.invalidValue('permissions', 'a role needs at least one permission.');
	for (const permission of value) {
		if (typeof permission !== 'string' || !PERMISSIONS[scope].includes(permission))
			throw E.invalidValue(
				'permissions',
				`'${String(permission)}' is not a permission of ${scope === 'project' ? 'a project' : 'an organization'} role. Valid permissions: ${PERMISSIONS[scope].join(', ')}.`,
			);
	}
	return [...new Set(value as string[])];
}

function readDescription(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string') throw E.invalidType('description', 'a string', value);
	return value;
}

function refuseTakenName(world: World, home: RoleHome, name: string, except?: string): void {
	if (rolesOf(world, home).some((role) => role.id !== except && role.name.toLowerCase() === name.toLowerCase()))
		throw roleNameTaken(name);
}

/** POST …/roles (PublicCreateOrganizationRoleBody): a unique name, at least one known permission. */
export function createRole(context: HandlerContext, home: RoleHome, body: Record<string, unknown>, id: string): RoleView {
	if (body.role_name === undefined || body.role_name === null) throw E.missingParameter('role_name');
	if (body.permissions === undefined || body.permissions === null) throw E.missingParameter('permissions');
	const name = readRoleName(body.role_name);
	const permissions = readPermissions(homeScope(home), body.permissions);
	refuseTakenName(context.world, home, name);
	const now = nowSeconds(context.world);
	const record: RoleRecord = {
		id,
		organizationId: home.organizationId,
		projectId: home.project?.id ?? null,
		name,
		description: readDescription(body.description),
		permissions,
		createdAt: now,
		updatedAt: now,
		createdBy: ownerOf(context.world, home.organizationId),
	};
	context.world.state.roles.push(record);
	return recordView(record);
}

/** POST …/roles/{role_id} (PublicUpdateOrganizationRoleBody): the fields given, null or absent ones stay. */
export function updateRole(context: HandlerContext, home: RoleHome, roleId: string, body: Record<string, unknown>): RoleView {
	if (findRole(context.world, home, roleId).predefined) throw predefinedRole(roleId, 'update');
	const record = findRoleRecord(context.world, home, roleId);
	const name = body.role_name === undefined || body.role_name === null ? undefined : readRoleName(body.role_name);
	const permissions =
		body.permissions === undefined || body.permissions === null ? undefined : readPermissions(homeScope(home), body.permissions);
	const description = body.description === undefined ? undefined : readDescription(body.description);
	if (name !== undefined) refuseTakenName(context.world, home, name, roleId);
	if (name !== undefined) record.name = name;
	if (permissions !== undefined) record.permissions = permissions;
	if (description !== undefined) record.description = description;
	record.updatedAt = nowSeconds(context.world);
	return recordView(record);
}

/** DELETE …/roles/{role_id}: a custom role goes, and with it every assignment of it. */
export function deleteRole(context: HandlerContext, home: RoleHome, roleId: string): void {
	if (findRole(context.world, home, roleId).predefined) throw predefinedRole(roleId, 'delete');
	const record = findRoleRecord(context.world, home, roleId);
	const { state } = context.world;
	state.roles.splice(state.roles.indexOf(record), 1);
	state.roleAssignments = state.roleAssignments.filter((assignment) => assignment.roleId !== roleId);
	// A group given a project with this role keeps the project, as a Member.
	for (const access of state.projectGroups) if (access.role === roleId) access.role = PREDEFINED_ROLES.project[1].id;
}

/** The creator the records name: the organization's first owner. */
function ownerOf(world: World, organizationId: string): string | null {
	return world.state.users.find((user) => user.organizationId === organizationId && user.role === 'owner')?.id ?? null;
}

/**
 * Whoever roles are assigned to: a user of the organization or of a project, or a group. A user's predefined role
 * is their fixed `role` (see the top of this file); a group holds only what was assigned to it.
 */
export interface Principal {
	type: 'user' | 'group';
	id: string;
	/** e.g. "user 'user-abc' in project 'proj_x'" */
	words: string;
	/** the contract's User or Group, for an assignment's answer */
	json: unknown;
	/** users: the predefined role's legacy name they hold, and how to change it */
	legacy?: { current: string; set(legacy: string): void; lastOwner(): boolean };
}

export function organizationUserPrincipal(world: World, user: OrganizationUserRecord, json: unknown): Principal {
	const owners = () => world.state.users.filter((other) => other.organizationId === user.organizationId && other.role === 'owner');
	return {
		type: 'user',
		id: user.id,
		words: `user '${user.id}'`,
		json,
		legacy: {
			current: user.role,
			set: (legacy) => (user.role = legacy as OrganizationUserRecord['role']),
			lastOwner: () => user.role === 'owner' && owners().length === 1,
		},
	};
}

export function projectUserPrincipal(world: World, member: ProjectUserRecord, json: unknown): Principal {
	const owners = () =>
		world.state.projectUsers.filter((other) => other.projectId === member.projectId && other.role === 'owner');
	return {
		type: 'user',
		id: member.userId,
		words: `user '${member.userId}' in project '${member.projectId}'`,
		json,
		legacy: {
			current: member.role,
			set: (legacy) => (member.role = legacy as ProjectUserRecord['role']),
			lastOwner: () => member.role === 'owner' && owners().length === 1,
		},
	};
}

/** The contract's Group (as an assignment answers it), not the groups list's GroupResponse. */
export function assignedGroupJson(group: GroupRecord) {
	return { object: 'group', id: group.id, name: group.name, created_at: group.createdAt, scim_managed: group.isScimManaged };
}

/** A group of the organization: it holds only the roles assigned to it. */
export function organizationGroupPrincipal(group: GroupRecord): Principal {
	return { type: 'group', id: group.id, words: `group '${group.id}'`, json: assignedGroupJson(group) };
}

/**
 * A group with access to a project: it holds the predefined role its access was granted with (groups.ts keeps it as
 * a role id), which assigning another predefined role changes; a group is never a project's last owner.
 */
export function projectGroupPrincipal(group: GroupRecord, access: ProjectGroupRecord): Principal {
	const predefined = PREDEFINED_ROLES.project;
	return {
		type: 'group',
		id: group.id,
		words: `group '${group.id}' in project '${access.projectId}'`,
		json: assignedGroupJson(group),
		legacy: {
			current: predefined.find((role) => role.id === access.role)?.legacy ?? '',
			set: (legacy) => (access.role = predefined.find((role) => role.legacy === legacy)?.id ?? access.role),
			lastOwner: () => false,
		},
	};
}

function storedAssignments(world: World, home: RoleHome, principal: Principal): RoleAssignmentRecord[] {
	const projectId = home.project?.id ?? null;
	return world.state.roleAssignments.filter(
		(assignment) =>
			assignment.organizationId === home.organizationId &&
			assignment.projectId === projectId &&
			assignment.principalType === principal.type &&
			assignment.principalId === principal.id,
	);
}

/** The roles a principal holds here: its predefined role first, then the assigned ones in the order assigned. */
export function assignedRoles(world: World, home: RoleHome, principal: Principal): RoleView[] {
	const roles = rolesOf(world, home);
	const predefined = principal.legacy ? roles.filter((role) => role.predefined && role.legacy === principal.legacy?.current) : [];
	const assigned = storedAssignments(world, home, principal)
		.map((assignment) => roles.find((role) => role.id === assignment.roleId))
		.filter((role): role is RoleView => role !== undefined);
	return [...predefined, ...assigned];
}

export function findAssignedRole(world: World, home: RoleHome, principal: Principal, roleId: string): RoleView {
	const role = assignedRoles(world, home, principal).find((candidate) => candidate.id === roleId);
	if (!role) {
		findRole(world, home, roleId);
		throw roleNotAssigned(roleId, principal.words);
	}
	return role;
}

/** POST …/roles {role_id}: assigning a role held already answers the assignment again (a retry changes nothing). */
export function assignRole(context: HandlerContext, home: RoleHome, principal: Principal, body: unknown): RoleView {
	const roleId = readRoleId(body);
	const { world } = context;
	const role = findRole(world, home, roleId);
	if (role.predefined) {
		if (!principal.legacy) throw E.invalidValue('role_id', `predefined role '${roleId}' can only be held by users of the organization.`);
		if (principal.legacy.current !== role.legacy) {
			if (principal.legacy.lastOwner()) throw lastOwner(home);
			principal.legacy.set(role.legacy ?? '');
		}
		return role;
	}
	if (!storedAssignments(world, home, principal).some((assignment) => assignment.roleId === roleId)) {
		world.state.roleAssignments.push({
			roleId,
			organizationId: home.organizationId,
			projectId: home.project?.id ?? null,
			principalType: principal.type,
			principalId: principal.id,
			assignedAt: nowSeconds(world),
		});
	}
	return role;
}

/**
 * DELETE …/roles/{role_id}. A user's predefined Owner role goes back to the lowest predefined role (Reader, Member)
 * unless they are the last owner; the lowest one cannot be unassigned, only replaced.
 */
export function unassignRole(context: HandlerContext, home: RoleHome, principal: Principal, roleId: string): void {
	const { world } = context;
	const role = findAssignedRole(world, home, principal, roleId);
	if (role.predefined && principal.legacy) {
		const [owner, lowest] = PREDEFINED_ROLES[homeScope(home)];
		const who = `A ${home.project ? 'project' : 'organization'} ${principal.type}`;
		if (role.id !== owner.id) throw predefinedRoleKept(roleId, who, `'${owner.id}' (${owner.name})`);
		if (principal.legacy.lastOwner()) throw lastOwner(home);
		principal.legacy.set(lowest.legacy);
		return;
	}
	world.state.roleAssignments = world.state.roleAssignments.filter(
		(assignment) =>
			!(
				assignment.roleId === roleId &&
				assignment.organizationId === home.organizationId &&
				assignment.projectId === (home.project?.id ?? null) &&
				assignment.principalType === principal.type &&
				assignment.principalId === principal.id
			),
	);
}

function lastOwner(home: RoleHome): OpenAiError {
	return home.project
		? E.lastProjectOwner(home.project.id)
		: new OpenAiError(400, 'The organization must keep at least one owner. Make another user an owner first.', INVALID_REQUEST, 'last_owner', 'role_id');
}

function readRoleId(body: unknown): string {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) throw E.invalidType('body', 'an object', body);
	const roleId = (body as Record<string, unknown>).role_id;
	if (roleId === undefined || roleId === null) throw E.missingParameter('role_id');
	if (typeof roleId !== 'string' || !roleId.trim()) throw E.invalidType('role_id', 'a role ID', roleId);
	return roleId.trim();
}

/** A deleted group (or one whose access to a project was removed) holds no role there any more: for groups.ts. */
export function forgetGroupAssignments(state: ServerState, groupId: string, projectId?: string): void {
	state.roleAssignments = state.roleAssignments.filter(
		(assignment) =>
			!(assignment.principalType === 'group' && assignment.principalId === groupId && (projectId === undefined || assignment.projectId === projectId)),
	);
}

const CURSOR_PREFIX = 'cursor_';

/**
 * A page of the role lists and assignment lists (PublicRoleListResource, RoleListResource): `limit` (up to 1000,
 * default 1000 as the contract says for roles), `order`, and `after` taking the `next` cursor of the page before
 * (an opaque string, not an id; an id is accepted too).
 */
export function rolePage<T>(context: HandlerContext, all: T[], idOf: (entry: T) => string) {
	const raw = queryValue(context.query, 'limit');
	let limit = 1000;
	if (raw !== undefined) {
		if (!/^-?\d+$/.test(raw)) throw E.invalidType('limit', 'an integer', raw);
		limit = Number(raw);
		if (limit < 0 || limit > 1000) throw E.integerOutOfRange('limit', 0, 1000, limit);
	}
	const order = queryValue(context.query, 'order') ?? 'asc';
	if (order !== 'asc' && order !== 'desc') throw E.invalidValue('order', "expected one of 'asc', 'desc'.");
	const list = order === 'desc' ? [...all].reverse() : all;
	let start = 0;
	const after = queryValue(context.query, 'after');
	if (after !== undefined) {
		const id = after.startsWith(CURSOR_PREFIX) ? Buffer.from(after.slice(CURSOR_PREFIX.length), 'base64url').toString() : after;
		const index = list.findIndex((entry) => idOf(entry) === id);
		if (index < 0) throw E.invalidValue('after', `'${after}' is not a cursor of this list.`);
		start = index + 1;
	}
	const data = list.slice(start, start + limit);
	const hasMore = start + data.length < list.length;
	const last = data[data.length - 1];
	return {
		object: 'list',
		data,
		has_more: hasMore,
		next: hasMore && last !== undefined ? `${CURSOR_PREFIX}${Buffer.from(idOf(last)).toString('base64url')}` : null,
	};
}

/** Seeded custom roles (fixed ids, so tests can name them): one of Acme, one of its Default project. */
export const ROLE_ACME_USAGE_VIEWER = 'role_AcmeUsageViewer000000001';
export const ROLE_ACME_MODEL_USER = 'role_AcmeModelUser0000000002';

export function seedRoles(
	organizationId: string,
	defaultProjectId: string,
	userId: string,
	nowSeconds: number,
): { roles: RoleRecord[]; roleAssignments: RoleAssignmentRecord[] } {
	const created = nowSeconds - 60 * 86_400;
	const role = (id: string, projectId: string | null, name: string, description: string, permissions: string[]): RoleRecord => ({
		id,
		organizationId,
		projectId,
		name,
		description,
		permissions,
		createdAt: created,
		updatedAt: created,
		createdBy: userId,
	});
	return {
		roles: [
			role(ROLE_ACME_USAGE_VIEWER, null, 'Usage Viewer', 'Reads usage and costs', ['api.usage.read']),
			role(ROLE_ACME_MODEL_USER, defaultProjectId, 'Model User', 'Calls models only', ['api.model.read', 'api.model.request']),
		],
		roleAssignments: [],
	};
}
