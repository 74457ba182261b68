import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { memberLocator, readMember, getMemberId, toMemberItem, USER } from '../../helpers/members';

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, [
	memberLocator(USER, 'The user to get'),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const userId = getMemberId.call(this, USER, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return { send: async () => [toMemberItem(await readMember.call(this, USER, userId, itemIndex, limits))] };
}
