import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { getMemberId, memberLocator, readMember, SERVICE_ACCOUNT, toMemberItem } from '../../helpers/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../helpers/projects';

export const description = updateDisplayOptions({ show: { resource: ['serviceAccount'], operation: ['get'] } }, [
	projectLocator,
	memberLocator(SERVICE_ACCOUNT, 'The service account to get'),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const accountId = getMemberId.call(this, SERVICE_ACCOUNT, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () => [
			toMemberItem(await readMember.call(this, SERVICE_ACCOUNT, projectId, accountId, itemIndex, limits), projectId),
		],
	};
}
