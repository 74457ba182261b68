import { isObject, nowSeconds, type Handler, type HandlerContext } from '../context';
import * as E from '../errors';
import type { ProjectRecord, ProjectUserRecord } from '../types';
import { page } from './projectKeys';
import { findActiveProject } from './projects';

const ROLES = ['owner', 'member'];

function projectUserJson(context: HandlerContext, member: ProjectUserRecord) {
	const user = context.world.state.users.find((candidate) => candidate.id === member.userId);
	return {
		object: 'organization.project.user',
		id: member.userId,
		name: user?.name ?? null,
		email: user?.email ?? null,
		role: member.role,
		added_at: member.addedAt,
	};
}

function membersOf(context: HandlerContext, project: ProjectRecord): ProjectUserRecord[] {
	return context.world.state.projectUsers.filter((member) => member.projectId === project.id);
}

function findMember(context: HandlerContext, project: ProjectRecord): ProjectUserRecord {
	const member = membersOf(context, project).find((candidate) => candidate.userId === context.params.user_id);
	if (!member) throw E.projectUserNotFound(context.params.user_id);
	return member;
}

function readRole(value: unknown): ProjectUserRecord['role'] {
	if (value === undefined || value === null) throw E.missingParameter('role');
	if (typeof value !== 'string' || !ROLES.includes(value)) throw E.invalidValue('role', "expected 'owner' or 'member'.");
	return value as ProjectUserRecord['role'];
}

/** The rule OpenAI enforces: a project always keeps an owner. */
function refuseLastOwner(context: HandlerContext, project: ProjectRecord, member: ProjectUserRecord): void {
	const owners = membersOf(context, project).filter((candidate) => candidate.role === 'owner');
	if (member.role === 'owner' && owners.length === 1) throw E.lastProjectOwner(project.id);
}

export const listProjectUsers: Handler = (context) => {
	const project = findActiveProject(context);
	return { body: page(context, membersOf(context, project).map((member) => projectUserJson(context, member))) };
};

export const retrieveProjectUser: Handler = (context) => {
	const project = findActiveProject(context);
	return { body: projectUserJson(context, findMember(context, project)) };
};

/** POST .../users: by `user_id` or `email`; the user must already be in the organization and not yet in the project. */
export const createProjectUser: Handler = (context) => {
	const project = findActiveProject(context);
	if (!isObject(context.body)) throw E.invalidType('body', 'an object', context.body);
	const role = readRole(context.body.role);
	const { user_id: userId, email } = context.body;
	if ((userId === undefined || userId === null) && (email === undefined || email === null))
		throw E.missingParameter('user_id');
	if (userId !== undefined && userId !== null && typeof userId !== 'string') throw E.invalidType('user_id', 'a string', userId);
	if (email !== undefined && email !== null && typeof email !== 'string') throw E.invalidType('email', 'a string', email);
	const user = context.world.state.users.find(
		(candidate) =>
			candidate.organizationId === project.organizationId &&
			(typeof userId === 'string' ? candidate.id === userId : candidate.email.toLowerCase() === String(email).toLowerCase()),
	);
	if (!user) throw E.organizationUserNotFound(String(userId ?? email));
	if (membersOf(context, project).some((member) => member.userId === user.id)) throw E.alreadyProjectMember(user.id);
	const member: ProjectUserRecord = { projectId: project.id, userId: user.id, role, addedAt: nowSeconds(context.world) };
	context.world.state.projectUsers.push(member);
	return { body: projectUserJson(context, member) };
};

/** POST .../users/{user_id}: a new role; the last owner cannot become a member. */
export const modifyProjectUser: Handler = (context) => {
	const project = findActiveProject(context);
	const member = findMember(context, project);
	const role = readRole(isObject(context.body) ? context.body.role : undefined);
	if (role === 'member') refuseLastOwner(context, project, member);
	member.role = role;
	return { body: projectUserJson(context, member) };
};

/** DELETE .../users/{user_id}: the last owner cannot be removed. */
export const deleteProjectUser: Handler = (context) => {
	const project = findActiveProject(context);
	const member = findMember(context, project);
	refuseLastOwner(context, project, member);
	context.world.state.projectUsers = context.world.state.projectUsers.filter((candidate) => candidate !== member);
	return { body: { object: 'organization.project.user.deleted', id: member.userId, deleted: true } };
};
