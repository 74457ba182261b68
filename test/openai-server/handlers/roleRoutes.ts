import type { Handler } from '../context';
import type { Route } from '../routes';
import { organizationGroupRoles, organizationRoles, organizationUserRoles, projectGroupRoles, projectRoles, projectUserRoles } from './roles';

const PROJECT = '(?<project_id>[^/]+)';
const USER = '(?<user_id>[^/]+)';
const ROLE = '(?<role_id>[^/]+)';
const GROUP = '(?<group_id>[^/]+)';

const route = (method: Route['method'], path: string, handler: Handler): Route => ({
	method,
	pattern: new RegExp(`^/v1${path}$`),
	scope: 'api.management.read',
	handler,
});

/** Roles of the organization and of its projects, and their assignments to users and groups (issue 31). */
export const ROLE_ROUTES: readonly Route[] = [
	route('GET', '/organization/roles', organizationRoles.list),
	route('POST', '/organization/roles', organizationRoles.create),
	route('GET', `/organization/roles/${ROLE}`, organizationRoles.retrieve),
	route('POST', `/organization/roles/${ROLE}`, organizationRoles.update),
	route('DELETE', `/organization/roles/${ROLE}`, organizationRoles.delete),
	route('GET', `/projects/${PROJECT}/roles`, projectRoles.list),
	route('POST', `/projects/${PROJECT}/roles`, projectRoles.create),
	route('GET', `/projects/${PROJECT}/roles/${ROLE}`, projectRoles.retrieve),
	route('POST', `/projects/${PROJECT}/roles/${ROLE}`, projectRoles.update),
	route('DELETE', `/projects/${PROJECT}/roles/${ROLE}`, projectRoles.delete),
	route('GET', `/organization/users/${USER}/roles`, organizationUserRoles.list),
	route('POST', `/organization/users/${USER}/roles`, organizationUserRoles.assign),
	route('GET', `/organization/users/${USER}/roles/${ROLE}`, organizationUserRoles.retrieve),
	route('DELETE', `/organization/users/${USER}/roles/${ROLE}`, organizationUserRoles.unassign),
	route('GET', `/projects/${PROJECT}/users/${USER}/roles`, projectUserRoles.list),
	route('POST', `/projects/${PROJECT}/users/${USER}/roles`, projectUserRoles.assign),
	route('GET', `/projects/${PROJECT}/users/${USER}/roles/${ROLE}`, projectUserRoles.retrieve),
	route('DELETE', `/projects/${PROJECT}/users/${USER}/roles/${ROLE}`, projectUserRoles.unassign),
	route('GET', `/organization/groups/${GROUP}/roles`, organizationGroupRoles.list),
	route('POST', `/organization/groups/${GROUP}/roles`, organizationGroupRoles.assign),
	route('GET', `/organization/groups/${GROUP}/roles/${ROLE}`, organizationGroupRoles.retrieve),
	route('DELETE', `/organization/groups/${GROUP}/roles/${ROLE}`, organizationGroupRoles.unassign),
	route('GET', `/projects/${PROJECT}/groups/${GROUP}/roles`, projectGroupRoles.list),
	route('POST', `/projects/${PROJECT}/groups/${GROUP}/roles`, projectGroupRoles.assign),
	route('GET', `/projects/${PROJECT}/groups/${GROUP}/roles/${ROLE}`, projectGroupRoles.retrieve),
	route('DELETE', `/projects/${PROJECT}/groups/${GROUP}/roles/${ROLE}`, projectGroupRoles.unassign),
];
