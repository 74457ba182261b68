import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { getMemberId, memberLocator } from '../../../shared/resources/projectMembers';
import { GROUP, groupUsersPath, readIfAdded, toGroupItem } from '../../../shared/resources/groups';
import { USER } from '../../helpers/members';

export const description = updateDisplayOptions({ show: { resource: ['groupMember'], operation: ['add'] } }, [
	memberLocator(GROUP, 'The group to add the user to'),
	memberLocator(USER, 'A user of the organization (only they can join a group; invite others first)'),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const groupId = getMemberId.call(this, GROUP, itemIndex);
	const userId = getMemberId.call(this, USER, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const subject = `user ${userId} in group ${groupId}`;
	// After a lost answer: the user is in the group now, so the add went through.
	const findAdded = async () => {
		const member = await readIfAdded.call(this, groupUsersPath(groupId, userId), subject, itemIndex, limits);
		return member ? { object: 'group.user', user_id: userId, group_id: groupId } : undefined;
	};
	return {
		send: async () => {
			const response = await openAiRequest.call(this, {
				method: 'POST',
				path: groupUsersPath(groupId),
				body: { user_id: userId },
				itemIndex,
				subject: `group ${groupId}`,
				...limits,
				notIdempotent: true,
				findLostResult: findAdded,
			});
			return [toGroupItem(response.body as IDataObject, response.recovered ? { recoveredAfterLostResponse: true } : {})];
		},
	};
}
