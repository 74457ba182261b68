import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { getMemberId, memberLocator } from '../../../shared/resources/projectMembers';
import { GROUP, groupPath, readGroupThing, toGroupItem } from '../../../shared/resources/groups';

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['get'] } }, [
	memberLocator(GROUP, 'The group to get'),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const groupId = getMemberId.call(this, GROUP, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () => [toGroupItem(await readGroupThing.call(this, groupPath(groupId), `group ${groupId}`, itemIndex, limits))],
	};
}
