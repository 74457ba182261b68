import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { loadForPicker } from './pickerErrors';
import { searchList } from './searchList';

// The role pickers of the Role and Project Role resources: the roles of the organization or of a project.

const roleLabel = (role: IDataObject) => `${String(role.name ?? role.id)}${role.predefined_role === true ? ' (predefined)' : ''}`;

/** The roles listed at `path` (/organization/roles or a project's), matched on name and ID. */
export async function searchRolesAt(
	context: ILoadOptionsFunctions,
	path: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await loadForPicker(context, async () => await searchList.call(context, path, 'the role list', roleLabel, filter, paginationToken));
}

export async function searchRoles(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchRolesAt(this, '/organization/roles', filter, paginationToken);
}
