import { forgetGroupUser } from '../groups';
import { isObject, type Handler, type HandlerContext } from '../context';
import * as E from '../errors';
import { lastOrganizationOwner, userNotFound } from '../organizationErrors';
import type { OrganizationUserRecord } from '../types';
import { organizationUserJson } from '../users';

const ROLES = ['owner', 'reader'];

function findUser(context: HandlerContext): OrganizationUserRecord {
	const id = context.params.user_id;
	const user = context.world.state.users.find(
		(candidate) => candidate.id === id && candidate.organizationId === context.caller.organizationId,
	);
	if (!user) throw userNotFound(id);
	return user;
}

function isLastOwner(context: HandlerContext, user: OrganizationUserRecord): boolean {
	if (user.role !== 'owner') return false;
	return !context.world.state.users.some(
		(other) => other !== user && other.organizationId === user.organizationId && other.role === 'owner',
	);
}

/** GET /organization/users/{user_id} */
export const retrieveOrganizationUser: Handler = (context) => ({ body: organizationUserJson(findUser(context)) });

/** POST /organization/users/{user_id}: the new role, owner or reader; the last owner stays one. */
export const modifyOrganizationUser: Handler = (context) => {
	const user = findUser(context);
	if (!isObject(context.body)) throw E.invalidType('body', 'an object', context.body);
	const role = context.body.role;
	if (typeof role !== 'string' || !ROLES.includes(role)) {
		throw E.invalidValue('role', `expected one of ${ROLES.map((name) => `'${name}'`).join(', ')}.`);
	}
	if (role !== 'owner' && isLastOwner(context, user)) throw lastOrganizationOwner();
	user.role = role as OrganizationUserRecord['role'];
	return { body: organizationUserJson(user) };
};

/** DELETE /organization/users/{user_id}: the last owner cannot leave. */
export const deleteOrganizationUser: Handler = (context) => {
	const user = findUser(context);
	if (isLastOwner(context, user)) throw lastOrganizationOwner();
	const users = context.world.state.users;
	users.splice(users.indexOf(user), 1);
	forgetGroupUser(context.world.state, user.id);
	return { body: { object: 'organization.user.deleted', id: user.id, deleted: true } };
};
