import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { destructiveProperties } from '../../../shared/execution/destructive';
import type { DestructiveRules, PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { findMember, INVITE, memberLocator, readMemberId, toMemberItem } from '../../helpers/members';

/** A deleted invite's link stops working; the person must be invited again. */
export const destructive: DestructiveRules = { verb: 'delete', pastTense: 'deleted', items: 'invites' };

const show = { resource: ['invite'], operation: ['delete'] };

export const description = [
	...updateDisplayOptions({ show }, [
		memberLocator(INVITE, 'The invite to delete. Its link stops working; an accepted invite cannot be deleted.'),
	]),
	...destructiveProperties(show, destructive),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const inviteId = readMemberId.call(this, INVITE, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	let found: IDataObject | undefined;
	return {
		// Before any invite of the run is deleted: this one exists and was not accepted.
		check: async () => {
			found = await findMember.call(this, INVITE, inviteId, itemIndex, limits);
			if (found.status === 'accepted') {
				throw new NodeOperationError(this.getNode(), `Invite ${inviteId} was already accepted and cannot be deleted`, {
					itemIndex,
					description: `${String(found.email ?? 'The person')} is a member now: use User > Remove to take them out of the organization. Nothing was deleted.`,
				});
			}
			return [toMemberItem(found, { dryRun: true, wouldDelete: true })];
		},
		send: async () => {
			const { body } = await openAiRequest.call(this, {
				method: 'DELETE',
				path: `${INVITE.path}/${inviteId}`,
				itemIndex,
				subject: `invite ${inviteId}`,
				...limits,
			});
			return [{ ...(body as IDataObject), email: found?.email ?? null }];
		},
	};
}
