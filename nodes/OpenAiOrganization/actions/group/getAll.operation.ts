import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { readLimit, returnAllProperties } from '../../../shared/execution/listLimit';
import { GROUPS_PATH, listGroupThings, toGroupItem } from '../../../shared/resources/groups';

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['getAll'] } }, returnAllProperties);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const limit = readLimit.call(this, itemIndex, 'group');
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () =>
			await listGroupThings.call(this, GROUPS_PATH, { limit, itemIndex, limits, subject: 'the group list', toItem: (group) => toGroupItem(group) }),
	};
}
