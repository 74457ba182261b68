import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { organizationRoleProperty, readOrganizationRole } from '../../helpers/roles';
import { memberLocator, getMemberId, toMemberItem, USER } from '../../helpers/members';

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['updateRole'] } }, [
	memberLocator(USER, 'The user whose role in the organization changes'),
	{ ...organizationRoleProperty, description: 'The user\'s new role in the organization' },
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const userId = getMemberId.call(this, USER, itemIndex);
	const role = readOrganizationRole.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		const { body } = await openAiRequest.call(this, {
			method: 'POST',
			path: `${USER.path}/${userId}`,
			body: { role },
			itemIndex,
			subject: `user ${userId}`,
			...limits,
		});
		return [toMemberItem(body as IDataObject)];
	};
	return { send };
}
