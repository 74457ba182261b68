import { listOperation } from '../../../shared/resources/organizationObjects';
import { ADMIN_KEY, toAdminKeyItem } from '../../helpers/adminKeys';

export const { description, prepare } = listOperation({
	resource: 'adminApiKey',
	things: 'admin API key',
	path: () => ADMIN_KEY.path,
	toItem: (entry) => toAdminKeyItem(entry),
});
