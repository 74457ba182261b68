import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { getMemberId, memberLocator } from '../../../shared/resources/projectMembers';
import { GROUP, groupNameProperty, groupPath, readGroupName, toGroupItem } from '../../../shared/resources/groups';

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['rename'] } }, [
	memberLocator(GROUP, 'The group to rename (a group managed by your identity provider is renamed there)'),
	{ ...groupNameProperty, displayName: 'New Name', description: 'The group\'s new name (1 to 255 characters)' },
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const groupId = getMemberId.call(this, GROUP, itemIndex);
	const name = readGroupName.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		// Setting a name twice leaves it the same: safe to retry.
		send: async () => {
			const { body } = await openAiRequest.call(this, {
				method: 'POST',
				path: groupPath(groupId),
				body: { name },
				itemIndex,
				subject: `group ${groupId}`,
				...limits,
			});
			return [toGroupItem(body as IDataObject)];
		},
	};
}
