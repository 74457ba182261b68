import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkChoice, choiceProperty, describedOptions } from '../../shared/parameters/choices';

/** An organization role, as users and invites name it. */
export const ORGANIZATION_ROLES = ['owner', 'reader'];

export const organizationRoleProperty: INodeProperties = choiceProperty(
	{ displayName: 'Role', name: 'role', default: 'reader', description: 'The role in the organization' },
	describedOptions({
		owner: 'Can manage the organization, its members, projects and billing',
		reader: 'A member: can use the projects they belong to',
	}),
);

/** The "Role" of an item, checked before any request (an expression may give anything). */
export function readOrganizationRole(this: IExecuteFunctions, itemIndex: number): string {
	return checkChoice.call(this, {
		label: 'Role',
		value: String(this.getNodeParameter('role', itemIndex, 'reader') ?? '').trim(),
		allowed: ORGANIZATION_ROLES,
		itemIndex,
		description: 'OpenAI calls a member of the organization a "reader"; choose owner for an admin.',
	});
}
