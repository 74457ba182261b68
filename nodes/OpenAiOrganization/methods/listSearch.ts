import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { loadForPicker } from '../../shared/methods/pickerErrors';
import { readCursorList } from '../../shared/transport';
import { INVITE, USER } from '../helpers/members';
import type { MemberKind } from '../helpers/members';

/** More matches than the picker's dropdown shows at once, so it can scroll and ask for more. */
const SCREENFUL = 20;

function label(member: IDataObject, kind: MemberKind): string {
	const email = String(member.email ?? member.id);
	if (kind === INVITE) return `${email} (${String(member.status ?? 'invite')})`;
	return member.name ? `${String(member.name)} <${email}>` : email;
}

/**
 * Walks the list page by page (from `paginationToken`) until a screenful matches the typed text (name, email or
 * ID, case-insensitive) or the list ends, and answers the token to continue from when there may be more.
 */
async function searchMembers(
	this: ILoadOptionsFunctions,
	kind: MemberKind,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await loadForPicker(this, async () => {
		const needle = (filter ?? '').trim().toLowerCase();
		const found: IDataObject[] = [];
		const qs: IDataObject = paginationToken ? { after: paginationToken } : {};
		let continueAfter: string | undefined;
		for await (const page of readCursorList.call(this, { path: kind.path, qs, maxRetries: 1 })) {
			for (const member of page.data) {
				const text = `${String(member.name ?? '')}\n${String(member.email ?? '')}\n${String(member.id)}`.toLowerCase();
				if (!needle || text.includes(needle)) found.push(member);
			}
			if (found.length >= SCREENFUL) {
				continueAfter = page.next;
				break;
			}
		}
		const results: INodeListSearchItems[] = found.map((member) => ({ name: label(member, kind), value: String(member.id) }));
		return { results, paginationToken: continueAfter };
	});
}

export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchMembers.call(this, USER, filter, paginationToken);
}

export async function searchInvites(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchMembers.call(this, INVITE, filter, paginationToken);
}
