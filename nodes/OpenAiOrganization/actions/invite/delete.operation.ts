import { NodeOperationError } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import { INVITE, memberLocator, organizationMemberRemoval } from '../../helpers/members';

/** A deleted invite's link stops working; the person must be invited again. An accepted one cannot be deleted. */
export const { destructive, description, prepare } = destructiveOperation({
	...organizationMemberRemoval(INVITE),
	rules: { verb: 'delete', pastTense: 'deleted', items: 'invites' },
	show: { resource: ['invite'], operation: ['delete'] },
	fields: [memberLocator(INVITE, 'The invite to delete. Its link stops working; an accepted invite cannot be deleted.')],
	refuse(found, inviteId, { itemIndex }) {
		if (found.status !== 'accepted') return;
		throw new NodeOperationError(this.getNode(), `Invite ${inviteId} was already accepted and cannot be deleted`, {
			itemIndex,
			description: `${String(found.email ?? 'The person')} is a member now: use User > Remove to take them out of the organization. Nothing was deleted.`,
		});
	},
});
