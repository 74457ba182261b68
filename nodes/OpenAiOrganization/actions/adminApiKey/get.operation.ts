import { getOperation } from '../../../shared/resources/organizationObjects';
import { ADMIN_KEY, toAdminKeyItem } from '../../helpers/adminKeys';

export const { description, prepare } = getOperation({
	resource: 'adminApiKey',
	kind: ADMIN_KEY,
	locatorDescription: 'The Admin API key to get (its redacted value, owner and dates; never the key itself)',
	toItem: (entry) => toAdminKeyItem(entry),
});
