import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { INVITE, memberLocator, readMember, getMemberId, toMemberItem } from '../../helpers/members';

export const description = updateDisplayOptions({ show: { resource: ['invite'], operation: ['get'] } }, [
	memberLocator(INVITE, 'The invite to get'),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const inviteId = getMemberId.call(this, INVITE, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return { send: async () => [toMemberItem(await readMember.call(this, INVITE, inviteId, itemIndex, limits))] };
}
