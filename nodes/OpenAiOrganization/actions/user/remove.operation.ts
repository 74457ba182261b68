import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { destructiveProperties } from '../../../shared/execution/destructive';
import type { DestructiveRules, PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { findMember, memberLocator, readMemberId, toMemberItem, USER } from '../../helpers/members';

/** Removing a user cannot be undone: they must be invited again. */
export const destructive: DestructiveRules = { verb: 'remove', pastTense: 'removed', items: 'users' };

const show = { resource: ['user'], operation: ['remove'] };

export const description = [
	...updateDisplayOptions({ show }, [
		memberLocator(USER, 'The user to remove from the organization. They lose access at once and must be invited again.'),
	]),
	...destructiveProperties(show, destructive),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const userId = readMemberId.call(this, USER, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	let found: IDataObject | undefined;
	return {
		// Before any user of the run is removed: this one is in the organization.
		check: async () => {
			found = await findMember.call(this, USER, userId, itemIndex, limits);
			return [toMemberItem(found, { dryRun: true, wouldRemove: true })];
		},
		send: async () => {
			const { body } = await openAiRequest.call(this, {
				method: 'DELETE',
				path: `${USER.path}/${userId}`,
				itemIndex,
				subject: `user ${userId}`,
				...limits,
			});
			return [{ ...(body as IDataObject), email: found?.email ?? null, name: found?.name ?? null }];
		},
	};
}
