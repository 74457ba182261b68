import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { readLimit, returnAllProperties } from '../../../shared/execution/listLimit';
import { getMemberId, memberLocator } from '../../../shared/resources/projectMembers';
import { GROUP, groupUsersPath, listGroupThings, toGroupItem } from '../../../shared/resources/groups';

export const description = updateDisplayOptions({ show: { resource: ['groupMember'], operation: ['getAll'] } }, [
	memberLocator(GROUP, 'The group whose users to list'),
	...returnAllProperties,
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const groupId = getMemberId.call(this, GROUP, itemIndex);
	const limit = readLimit.call(this, itemIndex, 'user of the group');
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () =>
			await listGroupThings.call(this, groupUsersPath(groupId), {
				limit,
				itemIndex,
				limits,
				subject: `group ${groupId}`,
				toItem: (user) => toGroupItem(user, { groupId }),
			}),
	};
}
