import { PROJECT_ROLES, roleResource } from '../../../shared/actions/role';

/** Project Role: a project's roles and their assignments to its users and groups (shared with the Role resource). */
export const { description, operations } = roleResource(PROJECT_ROLES);
