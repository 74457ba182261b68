import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { destructiveProperties } from '../../../shared/execution/destructive';
import type { DestructiveRules, PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { deleteMember, findMember, getMemberId, memberLocator, SERVICE_ACCOUNT, toMemberItem } from '../../../shared/resources/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';

export const destructive: DestructiveRules = { verb: 'delete', pastTense: 'deleted', items: 'service accounts' };

const show = { resource: ['serviceAccount'], operation: ['delete'] };

export const description = [
	...updateDisplayOptions({ show }, [
		projectLocator,
		memberLocator(SERVICE_ACCOUNT, 'The service account to delete. Every API key it owns stops working at once.'),
	]),
	...destructiveProperties(show, destructive),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const accountId = getMemberId.call(this, SERVICE_ACCOUNT, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		check: async () => [
			toMemberItem(await findMember.call(this, SERVICE_ACCOUNT, projectId, accountId, itemIndex, limits), projectId, {
				dryRun: true,
				wouldDelete: true,
			}),
		],
		send: async () => [
			toMemberItem(await deleteMember.call(this, SERVICE_ACCOUNT, projectId, accountId, itemIndex, limits), projectId),
		],
	};
}
