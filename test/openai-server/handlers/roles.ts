import type { Handler, HandlerContext } from '../context';
import * as E from '../errors';
import { findGroup, groupNotFound } from '../groups';
import { userNotFound } from '../organizationErrors';
import { randomAlphanumeric } from '../random';
import {
	assignedRoleJson,
	assignedRoles,
	assignRole,
	createRole,
	deleteRole,
	findAssignedRole,
	findRole,
	organizationGroupPrincipal,
	organizationUserPrincipal,
	projectGroupPrincipal,
	projectUserPrincipal,
	roleJson,
	rolePage,
	rolesOf,
	unassignRole,
	updateRole,
	type Principal,
	type RoleHome,
	type RoleView,
} from '../roles';
import { organizationUserJson } from '../users';
import { findActiveProject } from './projects';
import { requireBody } from './controlsCommon';

// The roles API (issue 31): roles of the organization and of a project, and their assignments. The rules are in
// ../roles.ts; these handlers find where and to whom.

const organizationHome = (context: HandlerContext): RoleHome => ({ organizationId: context.caller.organizationId, project: null });

/** A project's roles: only an active project has them to read or change (as its users). */
const projectHome = (context: HandlerContext): RoleHome => ({
	organizationId: context.caller.organizationId,
	project: findActiveProject(context),
});

function organizationUser(context: HandlerContext): Principal {
	const user = context.world.state.users.find(
		(candidate) => candidate.id === context.params.user_id && candidate.organizationId === context.caller.organizationId,
	);
	if (!user) throw userNotFound(context.params.user_id);
	return organizationUserPrincipal(context.world, user, organizationUserJson(user));
}

function projectUser(context: HandlerContext, home: RoleHome): Principal {
	const member = context.world.state.projectUsers.find(
		(candidate) => candidate.projectId === home.project?.id && candidate.userId === context.params.user_id,
	);
	const user = context.world.state.users.find((candidate) => candidate.id === context.params.user_id);
	if (!member || !user) throw E.projectUserNotFound(context.params.user_id);
	return projectUserPrincipal(context.world, member, organizationUserJson(user));
}

function organizationGroup(context: HandlerContext): Principal {
	return organizationGroupPrincipal(findGroup(context.world.state, context.caller.organizationId, context.params.group_id));
}

/** A group holds roles in a project it has access to (ours: OpenAI's answer for one without access is not on record). */
function projectGroup(context: HandlerContext, home: RoleHome): Principal {
	const group = findGroup(context.world.state, context.caller.organizationId, context.params.group_id);
	const access = context.world.state.projectGroups.find(
		(candidate) => candidate.projectId === home.project?.id && candidate.groupId === group.id,
	);
	if (!access) throw groupNotFound(group.id);
	return projectGroupPrincipal(group, access);
}

const roleList = (context: HandlerContext, roles: RoleView[]) => {
	const page = rolePage(context, roles, (role) => role.id);
	return { body: { ...page, data: page.data.map(roleJson) } };
};

const assignmentList = (context: HandlerContext, home: RoleHome, principal: Principal) => {
	const page = rolePage(context, assignedRoles(context.world, home, principal), (role) => role.id);
	return { body: { ...page, data: page.data.map((role) => assignedRoleJson(context.world, role)) } };
};

const newRoleId = (context: HandlerContext) => `role_${randomAlphanumeric(context.world.random, 24)}`;

/** The role endpoints of one place (the organization, or a project). */
function roleHandlers(home: (context: HandlerContext) => RoleHome) {
	return {
		list: ((context) => roleList(context, rolesOf(context.world, home(context)))) as Handler,
		create: ((context) => ({
			body: roleJson(createRole(context, home(context), requireBody(context.body), newRoleId(context))),
		})) as Handler,
		retrieve: ((context) => ({ body: roleJson(findRole(context.world, home(context), context.params.role_id)) })) as Handler,
		update: ((context) => ({
			body: roleJson(updateRole(context, home(context), context.params.role_id, requireBody(context.body))),
		})) as Handler,
		delete: ((context) => {
			deleteRole(context, home(context), context.params.role_id);
			return { body: { object: 'role.deleted', id: context.params.role_id, deleted: true } };
		}) as Handler,
	};
}

/** The assignment endpoints of one kind of principal in one place. */
function assignmentHandlers(
	home: (context: HandlerContext) => RoleHome,
	principalOf: (context: HandlerContext, home: RoleHome) => Principal,
) {
	const both = (context: HandlerContext) => {
		const where = home(context);
		return { where, principal: principalOf(context, where) };
	};
	return {
		list: ((context) => {
			const { where, principal } = both(context);
			return assignmentList(context, where, principal);
		}) as Handler,
		assign: ((context) => {
			const { where, principal } = both(context);
			const role = assignRole(context, where, principal, context.body);
			return { body: { object: `${principal.type}.role`, [principal.type]: principal.json, role: roleJson(role) } };
		}) as Handler,
		retrieve: ((context) => {
			const { where, principal } = both(context);
			return { body: assignedRoleJson(context.world, findAssignedRole(context.world, where, principal, context.params.role_id)) };
		}) as Handler,
		unassign: ((context) => {
			const { where, principal } = both(context);
			unassignRole(context, where, principal, context.params.role_id);
			return { body: { object: `${principal.type}.role.deleted`, deleted: true } };
		}) as Handler,
	};
}

export const organizationRoles = roleHandlers(organizationHome);
export const projectRoles = roleHandlers(projectHome);
export const organizationUserRoles = assignmentHandlers(organizationHome, organizationUser);
export const projectUserRoles = assignmentHandlers(projectHome, projectUser);
export const organizationGroupRoles = assignmentHandlers(organizationHome, organizationGroup);
export const projectGroupRoles = assignmentHandlers(projectHome, projectGroup);
