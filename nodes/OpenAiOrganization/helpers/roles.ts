import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** An organization role, as users and invites name it. */
export const ORGANIZATION_ROLES = ['owner', 'reader'];

export const organizationRoleProperty: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	default: 'reader',
	options: [
		{ name: 'Owner', value: 'owner', description: 'Can manage the organization, its members, projects and billing' },
		{ name: 'Reader', value: 'reader', description: 'A member: can use the projects they belong to' },
	],
	description: 'The role in the organization',
};

/** The "Role" of an item, checked before any request (an expression may give anything). */
export function readOrganizationRole(this: IExecuteFunctions, itemIndex: number): string {
	const role = String(this.getNodeParameter('role', itemIndex, 'reader') ?? '').trim();
	if (!ORGANIZATION_ROLES.includes(role)) {
		throw new NodeOperationError(this.getNode(), `"Role" must be owner or reader, not "${role}"`, {
			itemIndex,
			description: 'OpenAI calls a member of the organization a "reader"; choose owner for an admin.',
		});
	}
	return role;
}
