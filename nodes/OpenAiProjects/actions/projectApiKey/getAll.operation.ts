import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { readLimit } from '../../../shared/execution/listLimit';
import { checkChoice, optionsNamedAfterValues } from '../../../shared/parameters/choices';
import { getManyProperties } from '../../../shared/parameters/getMany';
import { organizationUserIds } from '../../helpers/organizationUsers';
import { listMembers, PROJECT_API_KEY, toMemberItem } from '../../../shared/resources/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId, readProjectName } from '../../../shared/resources/projects';
import { daysSinceLastUse, ownerFields, unusedFor } from './keys';

const properties: INodeProperties[] = [
	projectLocator,
	...getManyProperties([
		{
			displayName: 'Never Used',
			name: 'neverUsed',
			type: 'boolean',
			default: false,
			description: 'Whether to keep only keys that were never used',
		},
		{
			displayName: 'Not Used for Days',
			name: 'unusedDays',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 90,
			description:
				'Only keys not used in this many days: last used before then, or never used and created before then',
		},
		{
			displayName: 'Owner Left Organization',
			name: 'ownerLeftOrganization',
			type: 'boolean',
			default: false,
			description:
				"Whether to keep only keys of users who are no longer in the organization (checked against the organization's user list)",
		},
		{
			displayName: 'Owner Type',
			name: 'ownerType',
			type: 'options',
			default: 'any',
			options: optionsNamedAfterValues(['any', 'service_account', 'user']),
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['projectApiKey'], operation: ['getAll'] } }, properties);

interface KeyFilter {
	unusedDays?: number;
	neverUsed: boolean;
	ownerType: string;
	ownerLeftOrganization: boolean;
}

function readFilter(this: IExecuteFunctions, itemIndex: number): KeyFilter {
	const raw = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const filter: KeyFilter = {
		neverUsed: raw.neverUsed === true,
		ownerType: String(raw.ownerType ?? 'any'),
		ownerLeftOrganization: raw.ownerLeftOrganization === true,
	};
	if (raw.unusedDays !== undefined && raw.unusedDays !== null && raw.unusedDays !== '') {
		const days = Number(raw.unusedDays);
		if (!Number.isInteger(days) || days < 1) {
			throw new NodeOperationError(this.getNode(), `"Not Used for Days" must be a whole number of at least 1, not ${String(raw.unusedDays)}`, {
				itemIndex,
				description: 'Enter a number of days, e.g. 90, or remove the filter.',
			});
		}
		filter.unusedDays = days;
	}
	checkChoice.call(this, { label: 'Owner Type', value: filter.ownerType, allowed: ['any', 'user', 'service_account'], itemIndex });
	if (filter.ownerLeftOrganization && filter.ownerType === 'service_account') {
		throw new NodeOperationError(this.getNode(), '"Owner Left Organization" finds user keys, but "Owner Type" is Service Account', {
			itemIndex,
			description: 'Service accounts belong to the project, not to a person: set "Owner Type" to Any or User.',
		});
	}
	return filter;
}

function filtersNothing(filter: KeyFilter): boolean {
	return filter.unusedDays === undefined && !filter.neverUsed && filter.ownerType === 'any' && !filter.ownerLeftOrganization;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limit = readLimit.call(this, itemIndex, 'key');
	const filter = readFilter.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () => {
			const nowSeconds = Math.floor(Date.now() / 1000);
			const members = filter.ownerLeftOrganization ? await organizationUserIds.call(this, itemIndex, limits) : undefined;
			const keep = (key: IDataObject) => {
				const owner = ownerFields(key);
				if (filter.ownerType !== 'any' && owner.ownerType !== filter.ownerType) return false;
				if (filter.neverUsed && key.last_used_at !== null && key.last_used_at !== undefined) return false;
				if (filter.unusedDays !== undefined && !unusedFor(key, filter.unusedDays, nowSeconds)) return false;
				if (members && (owner.ownerType !== 'user' || members.has(String(owner.ownerId)))) return false;
				return true;
			};
			const keys = await listMembers.call(this, PROJECT_API_KEY, projectId, {
				limit,
				itemIndex,
				limits,
				// Every enabled key, also those whose owner lost access to the project.
				qs: { owner_project_access: 'any' },
				keep: filtersNothing(filter) ? undefined : keep,
			});
			const projectName = keys.length > 0 ? await readProjectName.call(this, projectId, itemIndex, limits) : null;
			return keys.map((key) =>
				toMemberItem(key, projectId, {
					projectName,
					...ownerFields(key),
					daysSinceLastUse: daysSinceLastUse(key, nowSeconds),
					...(members ? { ownerInOrganization: false } : {}),
				}),
			);
		},
	};
}
