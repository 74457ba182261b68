import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { loadForPicker } from '../../shared/methods/pickerErrors';
import { searchList } from '../../shared/methods/searchList';
import { INVITE } from '../helpers/members';

// The organization's users and projects: the shared organization-wide pickers.
export { searchOrganizationUsers, searchProjects } from '../../shared/methods/organizationSearch';
export { searchGroups, searchGroupUsers } from '../../shared/methods/groupSearch';

const inviteLabel = (invite: IDataObject) => `${String(invite.email ?? invite.id)} (${String(invite.status ?? 'invite')})`;

/** The organization's invites, matched on email and ID, named with their status. */
export async function searchInvites(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await loadForPicker(this, async () => await searchList.call(this, INVITE.path, 'the invite list', inviteLabel, filter, paginationToken));
}
