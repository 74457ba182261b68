import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readList } from '../execution/lists';
import type { RequestLimits } from '../execution/requestOptions';
import { projectPicker } from '../parameters/projectPicker';
import { listPages, openAiErrorFacts, openAiRequest } from '../transport';
import { getMemberId, memberLocator } from './projectMembers';
import type { LocatedKind } from './projectMembers';
import { getProjectId } from './projects';
import { readableItem } from './readableItem';

/**
 * Roles (issue 31): the custom roles of the organization (OpenAI Organization, "Role") or of one project (OpenAI
 * Projects, "Project Role"), and their assignments to users and groups. Both nodes build the same operations from
 * a RolePlace: where the roles live and whom they are assigned to.
 */

export type PrincipalType = 'user' | 'group';

/** Where one item's roles live, read from its parameters. */
export interface RoleWhere {
	/** e.g. /organization/roles or /projects/proj_abc/roles */
	rolesPath: string;
	/** where users and groups hold roles: /organization or /projects/proj_abc */
	principalsBase: string;
	/** the users whose owners keep the place from being locked out: /organization/users or the project's */
	usersPath: string;
	/** e.g. 'the organization' or 'project proj_abc' */
	words: string;
	/** fields every output item of the place carries, e.g. { project_id } */
	extra: IDataObject;
}

export interface RolePlace {
	/** the node's resource value */
	resource: string;
	/** lower case, e.g. 'role' or 'project role' */
	noun: string;
	/** what names the place, before every other field (none, or the project) */
	placeFields: INodeProperties[];
	/** the list-search methods of this node */
	roleSearchMethod: string;
	userKind: LocatedKind;
	groupSearchMethod: string;
	where(this: IExecuteFunctions, itemIndex: number): RoleWhere;
}

const ROLE_KIND_BASE = {
	parameter: 'roleId',
	label: 'Role',
	noun: 'role',
	idPattern: /^role_[A-Za-z0-9]+$/,
	example: 'role_abc123',
};

export function roleKind(place: RolePlace): LocatedKind {
	return { ...ROLE_KIND_BASE, searchMethod: place.roleSearchMethod, listedWhere: place.placeFields.length ? ' (after the project)' : '' };
}

export function groupKind(place: RolePlace): LocatedKind {
	return {
		parameter: 'groupId',
		label: 'Group',
		noun: 'group',
		idPattern: /^group_[A-Za-z0-9]+$/,
		example: 'group_abc123',
		searchMethod: place.groupSearchMethod,
	};
}

const USER_KIND_BASE = { parameter: 'userId', label: 'User', noun: 'user', idPattern: /^user-[A-Za-z0-9]+$/, example: 'user-abc123' };

export const ORGANIZATION_ROLES: RolePlace = {
	resource: 'role',
	noun: 'role',
	placeFields: [],
	roleSearchMethod: 'searchRoles',
	userKind: { ...USER_KIND_BASE, searchMethod: 'searchOrganizationUsers' },
	groupSearchMethod: 'searchGroups',
	where: () => ({
		rolesPath: '/organization/roles',
		principalsBase: '/organization',
		usersPath: '/organization/users',
		words: 'the organization',
		extra: {},
	}),
};

export const PROJECT_ROLES: RolePlace = {
	resource: 'projectRole',
	noun: 'project role',
	placeFields: [{ ...projectPicker(), description: 'The project whose roles these are' }],
	roleSearchMethod: 'searchProjectRoles',
	userKind: { ...USER_KIND_BASE, searchMethod: 'searchProjectUsers', listedWhere: ' (after the project)' },
	groupSearchMethod: 'searchProjectGroups',
	where(itemIndex) {
		const projectId = getProjectId.call(this, itemIndex);
		const id = encodeURIComponent(projectId);
		return {
			rolesPath: `/projects/${id}/roles`,
			principalsBase: `/projects/${id}`,
			usersPath: `/organization/projects/${id}/users`,
			words: `project ${projectId}`,
			extra: { project_id: projectId },
		};
	},
};

/** "Role": one role of the place, picked from its list or given by ID. */
export function roleLocator(place: RolePlace, description: string): INodeProperties {
	return memberLocator(roleKind(place), description);
}

/** "User or Group", and the picker of each: whom an assignment operation is about. */
export function principalFields(place: RolePlace, verb: string): INodeProperties[] {
	return [
		{
			displayName: 'User or Group',
			name: 'principalType',
			type: 'options',
			noDataExpression: true,
			options: (['user', 'group'] as const).map((value) => ({ name: value === 'user' ? 'User' : 'Group', value })),
			default: 'user',
			description: `Whether to ${verb} a user or a group`,
		},
		{
			...memberLocator(place.userKind, `The user${place.placeFields.length ? ' of the project' : ''}`),
			displayOptions: { show: { principalType: ['user'] } },
		},
		{
			...memberLocator(groupKind(place), place.placeFields.length ? 'A group with access to the project' : 'The group of the organization'),
			displayOptions: { show: { principalType: ['group'] } },
		},
	];
}

export interface Principal {
	type: PrincipalType;
	id: string;
}

/** The item's user or group, checked before any request. */
export function readPrincipal(this: IExecuteFunctions, place: RolePlace, itemIndex: number): Principal {
	const type = this.getNodeParameter('principalType', itemIndex, 'user') as PrincipalType;
	const kind = type === 'group' ? groupKind(place) : place.userKind;
	return { type, id: getMemberId.call(this, kind, itemIndex) };
}

export function getRoleId(this: IExecuteFunctions, place: RolePlace, itemIndex: number): string {
	return getMemberId.call(this, roleKind(place), itemIndex);
}

/** Where a principal's roles are listed and assigned: …/users/{id}/roles or …/groups/{id}/roles. */
export function principalRolesPath(where: RoleWhere, principal: Principal): string {
	return `${where.principalsBase}/${principal.type}s/${encodeURIComponent(principal.id)}/roles`;
}

export function rolePath(where: RoleWhere, roleId: string): string {
	return `${where.rolesPath}/${encodeURIComponent(roleId)}`;
}

export const principalWords = (principal: Principal) => `${principal.type} ${principal.id}`;

/** A role as OpenAI answers it, with its place's fields (the project) and the node's own after it. */
export function toRoleItem(where: RoleWhere, role: IDataObject, extra: IDataObject = {}): IDataObject {
	return readableItem({ ...where.extra, ...role }, extra);
}

/** A role a user or group holds: who, then the role as answered. */
export function toAssignedItem(where: RoleWhere, principal: Principal, role: IDataObject, extra: IDataObject = {}): IDataObject {
	return readableItem({ ...where.extra, principal_type: principal.type, [`${principal.type}_id`]: principal.id, role_id: role.id, ...role }, extra);
}

/** Permissions typed separated by commas (or a list from an expression), each one checked. */
export function readPermissions(this: IExecuteFunctions, value: unknown, itemIndex: number): string[] {
	const permissions = readList(value);
	if (permissions.length === 0) {
		throw new NodeOperationError(this.getNode(), '"Permissions" is empty: a role grants at least one permission', {
			itemIndex,
			description: 'Enter permissions separated by commas, e.g. api.groups.read, api.groups.write.',
		});
	}
	const wrong = permissions.find((permission) => !/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/.test(permission));
	if (wrong) {
		throw new NodeOperationError(this.getNode(), `"Permissions" holds "${wrong}", which is not a permission name`, {
			itemIndex,
			description: 'A permission is written like api.groups.read; separate several with commas.',
		});
	}
	return permissions;
}

export const permissionsProperty: INodeProperties = {
	displayName: 'Permissions',
	name: 'permissions',
	type: 'string',
	default: '',
	placeholder: 'api.groups.read, api.groups.write',
	description: 'What the role allows, separated by commas',
};

/** GET (read) or DELETE one role of the place; answers what OpenAI said. */
export async function roleRequest(
	this: IExecuteFunctions,
	method: 'GET' | 'DELETE',
	where: RoleWhere,
	roleId: string,
	context: { itemIndex: number; limits: RequestLimits },
): Promise<IDataObject> {
	const { body } = await openAiRequest.call(this, {
		method,
		path: rolePath(where, roleId),
		itemIndex: context.itemIndex,
		subject: `role ${roleId} of ${where.words}`,
		...context.limits,
	});
	return body as IDataObject;
}

export async function readRole(this: IExecuteFunctions, where: RoleWhere, roleId: string, itemIndex: number, limits: RequestLimits) {
	return await roleRequest.call(this, 'GET', where, roleId, { itemIndex, limits });
}

/** What an operation on one assignment names: where, the role and the user or group; read before any request. */
export interface AssignmentTarget {
	where: RoleWhere;
	roleId: string;
	principal: Principal;
}

export function readAssignmentTarget(this: IExecuteFunctions, place: RolePlace, itemIndex: number): AssignmentTarget {
	return {
		where: place.where.call(this, itemIndex),
		roleId: getRoleId.call(this, place, itemIndex),
		principal: readPrincipal.call(this, place, itemIndex),
	};
}

/** The assignment's path (…/users/{id}/roles/{role_id}) and its words for errors. */
export function assignmentRequest({ where, principal, roleId }: AssignmentTarget) {
	return {
		path: `${principalRolesPath(where, principal)}/${encodeURIComponent(roleId)}`,
		subject: `role ${roleId} of ${principalWords(principal)} in ${where.words}`,
	};
}

/** Up to `limit` entries of a list, each made an item, reading no page more than needed. */
export async function listUpTo(
	this: IExecuteFunctions,
	request: { path: string; subject: string; itemIndex: number; limits: RequestLimits },
	limit: number,
	toItem: (entry: IDataObject) => IDataObject,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	const { limits, ...rest } = request;
	for await (const page of listPages.call(this, { ...rest, wanted: limit, ...limits })) {
		for (const entry of page) {
			if (items.length >= limit) return items;
			items.push(toItem(entry));
		}
	}
	return items;
}

/** Every entry of a list (roles, a principal's roles, users), as it is now. */
export async function listAll(this: IExecuteFunctions, path: string, itemIndex: number, limits: RequestLimits): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for await (const page of listPages.call(this, { path, itemIndex, ...limits })) all.push(...page);
	return all;
}

/**
 * The role as the principal holds it, or undefined when they do not hold it. Their list is read when the role's
 * own GET says 404, so that a user or group that does not exist still gives OpenAI's own "not found".
 */
export async function findAssignment(
	this: IExecuteFunctions,
	where: RoleWhere,
	principal: Principal,
	roleId: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject | undefined> {
	const path = principalRolesPath(where, principal);
	const reading = await openAiRequest
		.call(this, {
			method: 'GET',
			path: `${path}/${encodeURIComponent(roleId)}`,
			itemIndex,
			subject: `role ${roleId} of ${principalWords(principal)} in ${where.words}`,
			...limits,
		})
		.then(
			({ body }) => ({ role: body as IDataObject }),
			(error: unknown) => ({ error }),
		);
	if ('role' in reading) return reading.role;
	// A 404 is the user or group not holding the role (or not existing): their list tells which, by its own answer.
	if (openAiErrorFacts(reading.error).status !== 404) throw reading.error;
	const held = await listAll.call(this, path, itemIndex, limits);
	return held.find((role) => role.id === roleId);
}

/** The predefined owner role ("Owner"): the one whose last holder keeps the organization or project in hand. */
export function isOwnerRole(role: IDataObject): boolean {
	return role.predefined_role === true && String(role.name ?? '').trim().toLowerCase() === 'owner';
}
