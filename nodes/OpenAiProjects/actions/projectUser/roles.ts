import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkChoice, choiceProperty, describedOptions } from '../../../shared/parameters/choices';

const ROLES = ['owner', 'member'];

/** A project user's role: owners manage the project, members use it. */
export const roleProperty: INodeProperties = choiceProperty(
	{ displayName: 'Role', name: 'role', default: 'member' },
	describedOptions({
		member: 'Uses the project: models, keys of their own',
		owner: 'Manages the project: members, keys, limits',
	}),
);

export function getRole(this: IExecuteFunctions, itemIndex: number): string {
	const role = String(this.getNodeParameter('role', itemIndex, 'member') ?? '').trim();
	return checkChoice.call(this, { label: 'Role', value: role, allowed: ROLES, itemIndex });
}
