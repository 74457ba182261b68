import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { getMemberId, memberLocator, PROJECT_API_KEY, readMember, toMemberItem } from '../../helpers/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../helpers/projects';
import { daysSinceLastUse, ownerFields } from './keys';

export const description = updateDisplayOptions({ show: { resource: ['projectApiKey'], operation: ['get'] } }, [
	projectLocator,
	memberLocator(PROJECT_API_KEY, 'The API key to get (its ID, never the key itself)'),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const keyId = getMemberId.call(this, PROJECT_API_KEY, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () => {
			const key = await readMember.call(this, PROJECT_API_KEY, projectId, keyId, itemIndex, limits);
			const nowSeconds = Math.floor(Date.now() / 1000);
			return [toMemberItem(key, projectId, { ...ownerFields(key), daysSinceLastUse: daysSinceLastUse(key, nowSeconds) })];
		},
	};
}
