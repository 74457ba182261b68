import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { destructiveProperties } from '../../../shared/execution/destructive';
import type { DestructiveRules, PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { deleteMember, findMember, getMemberId, memberLocator, PROJECT_API_KEY, toMemberItem } from '../../../shared/resources/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { ownerFields } from './keys';

export const destructive: DestructiveRules = { verb: 'delete', pastTense: 'deleted', items: 'keys' };

const show = { resource: ['projectApiKey'], operation: ['delete'] };

export const description = [
	...updateDisplayOptions({ show }, [
		projectLocator,
		memberLocator(PROJECT_API_KEY, 'The key to revoke. Whatever uses it stops working at once; this cannot be undone.'),
	]),
	...destructiveProperties(show, destructive),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const keyId = getMemberId.call(this, PROJECT_API_KEY, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		// Before any key of the run is deleted: it is in the project, and it is a user's key (OpenAI deletes a
		// service account's keys only with the account).
		check: async () => {
			const key = await findMember.call(this, PROJECT_API_KEY, projectId, keyId, itemIndex, limits);
			const owner = ownerFields(key);
			if (owner.ownerType === 'service_account') {
				throw new NodeOperationError(
					this.getNode(),
					`Key ${keyId} belongs to service account ${String(owner.ownerId)}, and OpenAI deletes such keys only with their account`,
					{
						itemIndex,
						description:
							'Delete the service account instead (Resource "Service Account", Operation "Delete"), or set the key list\'s "Owner Type" filter to User. Nothing was deleted.',
					},
				);
			}
			return [toMemberItem(key, projectId, { ...owner, dryRun: true, wouldDelete: true })];
		},
		send: async () => [toMemberItem(await deleteMember.call(this, PROJECT_API_KEY, projectId, keyId, itemIndex, limits), projectId)],
	};
}
