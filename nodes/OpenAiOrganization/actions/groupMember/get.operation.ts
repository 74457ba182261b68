import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { getMemberId, memberLocator } from '../../../shared/resources/projectMembers';
import { GROUP, GROUP_USER, groupUsersPath, readGroupThing, toGroupItem } from '../../../shared/resources/groups';

export const description = updateDisplayOptions({ show: { resource: ['groupMember'], operation: ['get'] } }, [
	memberLocator(GROUP, 'The group the user is in'),
	memberLocator(GROUP_USER, "The group's user to get"),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const groupId = getMemberId.call(this, GROUP, itemIndex);
	const userId = getMemberId.call(this, GROUP_USER, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const subject = `user ${userId} in group ${groupId}`;
	return {
		send: async () => [toGroupItem(await readGroupThing.call(this, groupUsersPath(groupId, userId), subject, itemIndex, limits), { groupId })],
	};
}
