import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { readLimit } from '../../../shared/execution/listLimit';
import { optionsNamedAfterValues } from '../../../shared/parameters/choices';
import { getManyProperties } from '../../../shared/parameters/getMany';
import { listMembers, PROJECT_USER, toMemberItem } from '../../../shared/resources/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';

const properties: INodeProperties[] = [
	projectLocator,
	...getManyProperties([
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@example.com',
			default: '',
			description: 'Only the user with this email address (case-insensitive), e.g. to find a person in every project',
		},
		{
			displayName: 'Role',
			name: 'role',
			type: 'options',
			default: 'any',
			options: optionsNamedAfterValues(['any', 'member', 'owner']),
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['projectUser'], operation: ['getAll'] } }, properties);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limit = readLimit.call(this, itemIndex, 'user');
	const limits = readRequestLimits.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const email = String(filters.email ?? '').trim().toLowerCase();
	const role = String(filters.role ?? 'any');
	const filtered = email !== '' || role !== 'any';
	const keep = (user: IDataObject) =>
		(email === '' || String(user.email ?? '').toLowerCase() === email) && (role === 'any' || user.role === role);
	return {
		send: async () =>
			(await listMembers.call(this, PROJECT_USER, projectId, { limit, itemIndex, limits, keep: filtered ? keep : undefined })).map(
				(user) => toMemberItem(user, projectId),
			),
	};
}
