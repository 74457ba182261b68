import { ORGANIZATION_ROLES, roleResource } from '../../../shared/actions/role';

/** Role: the organization's roles and their assignments to its users and groups (shared with Project Role). */
export const { description, operations } = roleResource(ORGANIZATION_ROLES);
