import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { readCursorList } from '../transport';

/** More matches than the picker's dropdown shows at once, so it can scroll and ask for more. */
export const SCREENFUL = 20;

/**
 * One page of a list (the project's members, or the organization's users) narrowed to what the search box holds:
 * each entry is matched on its name, email and ID. Pages on with the API's own cursor.
 */
export async function searchList(
	this: ILoadOptionsFunctions,
	path: string,
	subject: string,
	label: (entry: IDataObject) => string,
	filter?: string,
	paginationToken?: string,
	/** the entry's ID, the picked value (a project's group gives `group_id`) */
	idOf: (entry: IDataObject) => string = (entry) => String(entry.id),
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const qs: IDataObject = paginationToken ? { after: paginationToken } : {};
	const results: INodeListSearchItems[] = [];
	let continueAfter: string | undefined;
	for await (const page of readCursorList.call(this, { path, qs, subject, maxRetries: 1 })) {
		for (const entry of page.data) {
			const text = `${label(entry)}\n${String(entry.email ?? '')}\n${idOf(entry)}`.toLowerCase();
			if (!needle || text.includes(needle)) results.push({ name: label(entry), value: idOf(entry) });
		}
		if (results.length >= SCREENFUL) {
			continueAfter = page.next;
			break;
		}
	}
	return { results, paginationToken: continueAfter };
}

export const personLabel = (entry: IDataObject) => {
	const name = String(entry.name ?? entry.email ?? entry.id);
	return entry.email && entry.email !== name ? `${name} <${String(entry.email)}>` : name;
};

