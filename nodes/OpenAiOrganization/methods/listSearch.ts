import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { loadForPicker } from '../../shared/methods/pickerErrors';
import { searchList } from '../../shared/methods/searchList';
import { ADMIN_KEY } from '../helpers/adminKeys';
import { INVITE } from '../helpers/members';
import { spendAlertLabel } from '../../shared/resources/spendAlerts';

// The organization's users and projects: the shared organization-wide pickers.
export { searchOrganizationUsers, searchProjects } from '../../shared/methods/organizationSearch';
export { searchCertificates } from '../../shared/methods/certificateSearch';
export { searchGroups, searchGroupUsers } from '../../shared/methods/groupSearch';
export { searchRoles } from '../../shared/methods/roleSearch';

const inviteLabel = (invite: IDataObject) => `${String(invite.email ?? invite.id)} (${String(invite.status ?? 'invite')})`;

/** The organization's invites, matched on email and ID, named with their status. */
export async function searchInvites(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await loadForPicker(this, async () => await searchList.call(this, INVITE.path, 'the invite list', inviteLabel, filter, paginationToken));
}

const adminKeyLabel = (key: IDataObject) => `${String(key.name ?? key.id)} (${String(key.redacted_value ?? 'redacted')})`;

/** The organization's Admin keys, matched on name, redacted value and ID. */
export async function searchAdminApiKeys(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await loadForPicker(this, async () => await searchList.call(this, ADMIN_KEY.path, 'the Admin key list', adminKeyLabel, filter, paginationToken));
}

/** The organization's spend alerts, named by their amount in dollars and who gets them. */
export async function searchSpendAlerts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await loadForPicker(this, async () => await searchList.call(this, '/organization/spend_alerts', 'the spend alert list', spendAlertLabel, filter, paginationToken));
}
