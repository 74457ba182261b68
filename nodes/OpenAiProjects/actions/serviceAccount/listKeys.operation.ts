import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readLimit, returnAllProperties } from '../../../shared/execution/listLimit';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { getMemberId, listMembers, memberLocator, PROJECT_API_KEY, SERVICE_ACCOUNT, toMemberItem } from '../../../shared/resources/projectMembers';
import { getProjectId } from '../../../shared/resources/projects';
import { projectLocator } from '../../helpers/projectLocator';
import { daysSinceLastUse, ownerFields } from '../projectApiKey/keys';

export const description = updateDisplayOptions({ show: { resource: ['serviceAccount'], operation: ['listKeys'] } }, [
	projectLocator,
	memberLocator(SERVICE_ACCOUNT, 'The service account whose API keys to list'),
	...returnAllProperties,
]);

/** OpenAI has no list of one account's keys: the project's key list, kept to the keys this account owns. */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const accountId = getMemberId.call(this, SERVICE_ACCOUNT, itemIndex);
	const limit = readLimit.call(this, itemIndex, 'key');
	const limits = readRequestLimits.call(this, itemIndex);
	const ownedByAccount = (key: IDataObject) => {
		const owner = ownerFields(key);
		return owner.ownerType === 'service_account' && owner.ownerId === accountId;
	};
	return {
		send: async () => {
			const nowSeconds = Math.floor(Date.now() / 1000);
			const keys = await listMembers.call(this, PROJECT_API_KEY, projectId, {
				limit,
				itemIndex,
				limits,
				qs: { owner_project_access: 'any' },
				keep: ownedByAccount,
			});
			return keys.map((key) =>
				toMemberItem(key, projectId, { serviceAccountId: accountId, ...ownerFields(key), daysSinceLastUse: daysSinceLastUse(key, nowSeconds) }),
			);
		},
	};
}
