import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { loadForPicker } from '../../shared/methods/pickerErrors';
import { isProjectId } from '../../shared/transport';
import { personLabel, searchList } from '../../shared/methods/searchList';

export { searchOrganizationUsers, searchProjects } from '../../shared/methods/organizationSearch';

/** The project the node's "Project" field names now (from the list or typed), or undefined while it is empty. */
function chosenProject(this: ILoadOptionsFunctions): string | undefined {
	const raw = this.getCurrentNodeParameter('projectId') as { value?: unknown } | string | undefined;
	const value = String((typeof raw === 'object' ? raw?.value : raw) ?? '').trim();
	return isProjectId(value) ? value : undefined;
}

async function searchInProject(
	this: ILoadOptionsFunctions,
	collection: string,
	label: (entry: IDataObject) => string,
	filter?: string,
	paginationToken?: string,
	idOf?: (entry: IDataObject) => string,
): Promise<INodeListSearchResult> {
	return await loadForPicker(this, async () => {
		const projectId = chosenProject.call(this);
		// Nothing to list before a project is chosen; the editor shows an empty list.
		if (!projectId) return { results: [] };
		return await searchList.call(
			this,
			`/organization/projects/${projectId}/${collection}`,
			`project ${projectId}`,
			label,
			filter,
			paginationToken,
			idOf,
		);
	});
}

export async function searchProjectUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchInProject.call(this, 'users', (user) => `${personLabel(user)} (${String(user.role)})`, filter, paginationToken);
}

export async function searchServiceAccounts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchInProject.call(this, 'service_accounts', (account) => String(account.name ?? account.id), filter, paginationToken);
}

export async function searchProjectApiKeys(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchInProject.call(
		this,
		'api_keys',
		(key) => `${String(key.name ?? key.id)} (${String(key.redacted_value ?? '')})`,
		filter,
		paginationToken,
	);
}

export { searchRateLimits, searchSpendAlerts } from './controlsSearch';
export { searchGroups } from '../../shared/methods/groupSearch';

/** The groups that have access to the chosen project, by name; the value is the group's ID. */
export async function searchProjectGroups(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchInProject.call(
		this,
		'groups',
		(group) => String(group.group_name ?? group.group_id),
		filter,
		paginationToken,
		(group) => String(group.group_id),
	);
}
