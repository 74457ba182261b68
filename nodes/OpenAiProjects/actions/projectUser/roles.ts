import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

const ROLES = ['owner', 'member'];

/** A project user's role: owners manage the project, members use it. */
export const roleProperty: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	default: 'member',
	options: [
		{ name: 'Member', value: 'member', description: 'Uses the project: models, keys of their own' },
		{ name: 'Owner', value: 'owner', description: 'Manages the project: members, keys, limits' },
	],
};

export function getRole(this: IExecuteFunctions, itemIndex: number): string {
	const role = String(this.getNodeParameter('role', itemIndex, 'member') ?? '').trim();
	if (!ROLES.includes(role)) {
		throw new NodeOperationError(this.getNode(), `"Role" must be owner or member, not "${role}"`, { itemIndex });
	}
	return role;
}
