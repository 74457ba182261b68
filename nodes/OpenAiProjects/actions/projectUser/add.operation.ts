import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { idValidation, listLocator } from '../../../shared/parameters/locators';
import { listMembers, memberPath, PROJECT_USER, toMemberItem } from '../../../shared/resources/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { getRole, roleProperty } from './roles';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const properties: INodeProperties[] = [
	projectLocator,
	listLocator({
		displayName: 'User',
		name: 'organizationUser',
		description: 'A member of the organization (only they can be added to a project)',
		searchListMethod: 'searchOrganizationUsers',
		modes: [
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'user-abc123',
				validation: idValidation('user-[A-Za-z0-9]+', 'A user ID looks like user-abc123'),
			},
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@example.com' },
		],
	}),
	{ ...roleProperty, description: 'The role the user gets in the project' },
];

export const description = updateDisplayOptions({ show: { resource: ['projectUser'], operation: ['add'] } }, properties);

/** Who to add: `user_id` for an ID (from the list or typed), `email` for an email address. */
function readWho(this: IExecuteFunctions, itemIndex: number): { user_id: string } | { email: string } {
	const locator = this.getNodeParameter('organizationUser', itemIndex, {}) as IDataObject;
	const value = String(this.getNodeParameter('organizationUser', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), '"User" is empty: pick a user of the organization, or enter an ID or email', {
			itemIndex,
		});
	}
	if (locator.mode === 'email' || value.includes('@')) {
		if (!EMAIL.test(value)) {
			throw new NodeOperationError(this.getNode(), `"User" is not an email address: "${value}"`, { itemIndex });
		}
		return { email: value };
	}
	if (!/^user-[A-Za-z0-9]+$/.test(value)) {
		throw new NodeOperationError(this.getNode(), `"User" must be a user ID like user-abc123 or an email address, not "${value}"`, {
			itemIndex,
			description: 'Pick the user from the list, or switch the field to "Email".',
		});
	}
	return { user_id: value };
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const who = readWho.call(this, itemIndex);
	const role = getRole.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	// After a lost answer: the user is in the project now, so the add went through.
	const findAdded = async () => {
		const [found] = await listMembers.call(this, PROJECT_USER, projectId, {
			limit: 1,
			itemIndex,
			limits,
			keep: (user) =>
				'user_id' in who ? user.id === who.user_id : String(user.email ?? '').toLowerCase() === who.email.toLowerCase(),
		});
		return found;
	};
	return {
		send: async () => {
			const response = await openAiRequest.call(this, {
				method: 'POST',
				path: memberPath(PROJECT_USER, projectId),
				body: { ...who, role },
				itemIndex,
				subject: `project ${projectId}`,
				...limits,
				notIdempotent: true,
				findLostResult: findAdded,
			});
			return [toMemberItem(response.body as IDataObject, projectId, response.recovered ? { recoveredAfterLostResponse: true } : {})];
		},
	};
}
