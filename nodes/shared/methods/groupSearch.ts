import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { GROUP, GROUPS_PATH, groupUsersPath } from '../resources/groups';
import { loadForPicker } from './pickerErrors';
import { personLabel, searchList } from './searchList';

// Pickers of the organization's groups and of one group's users.

const groupLabel = (group: IDataObject) =>
	`${String(group.name ?? group.id)}${group.is_scim_managed === true ? ' (SCIM)' : ''}`;

/** The organization's groups, matched on name and ID; SCIM-managed ones say so. */
export async function searchGroups(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await loadForPicker(this, async () => await searchList.call(this, GROUPS_PATH, 'the group list', groupLabel, filter, paginationToken));
}

/** The group the node's "Group" field names now (from the list or typed), or undefined while it is empty. */
function chosenGroup(this: ILoadOptionsFunctions): string | undefined {
	const raw = this.getCurrentNodeParameter(GROUP.parameter) as { value?: unknown } | string | undefined;
	const value = String((typeof raw === 'object' ? raw?.value : raw) ?? '').trim();
	return GROUP.idPattern.test(value) ? value : undefined;
}

/** The users of the group chosen in "Group"; nothing before one is chosen. */
export async function searchGroupUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await loadForPicker(this, async () => {
		const groupId = chosenGroup.call(this);
		if (!groupId) return { results: [] };
		return await searchList.call(this, groupUsersPath(groupId), `group ${groupId}`, personLabel, filter, paginationToken);
	});
}
