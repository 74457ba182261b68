import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import { findInListing } from '../../../shared/execution/listingLookup';
import { getMemberId, memberLocator } from '../../../shared/resources/projectMembers';
import { readOrganizationObject } from '../../../shared/resources/organizationObjects';
import { openAiRequest } from '../../../shared/transport';
import { ADMIN_KEY, refuseLockout, toAdminKeyItem } from '../../helpers/adminKeys';

/** A deleted Admin key stops working at once, everywhere it is used. The last one and the credential's own are kept. */
export const { destructive, description, prepare } = destructiveOperation<string>({
	rules: { verb: 'delete', pastTense: 'deleted', items: 'admin API keys' },
	show: { resource: ['adminApiKey'], operation: ['delete'] },
	fields: [
		memberLocator(
			ADMIN_KEY,
			'The Admin API key to delete. It stops working at once; the organization\'s last Admin key and the one this credential uses are refused.',
		),
	],
	target(itemIndex) {
		return getMemberId.call(this, ADMIN_KEY, itemIndex);
	},
	async find(id, { itemIndex, limits }) {
		return await findInListing.call(this, { path: ADMIN_KEY.path, qs: {}, itemIndex, ...limits }, id, async () =>
			await readOrganizationObject.call(this, ADMIN_KEY, id, { itemIndex, limits }),
		);
	},
	async refuse(found, id, context) {
		await refuseLockout.call(this, found, id, context);
	},
	describe(found, id) {
		return `admin API key ${found.name ? `"${String(found.name)}" ` : ''}(${id}, ${String(found.redacted_value ?? 'redacted')})`;
	},
	item(entry, _id, extra = {}) {
		return toAdminKeyItem(entry, extra);
	},
	async change(id, found, { itemIndex, limits }) {
		const { body } = await openAiRequest.call(this, { method: 'DELETE', path: `${ADMIN_KEY.path}/${id}`, itemIndex, subject: `admin API key ${id}`, ...limits });
		return toAdminKeyItem({ ...found, ...(body as object) });
	},
});
