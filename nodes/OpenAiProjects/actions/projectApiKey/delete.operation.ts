import { NodeOperationError } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import { memberLocator, PROJECT_API_KEY, projectMemberRemoval, toMemberItem } from '../../../shared/resources/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';
import { ownerFields } from './keys';

const removal = projectMemberRemoval(PROJECT_API_KEY);

export const { destructive, description, prepare } = destructiveOperation({
	...removal,
	rules: { verb: 'delete', pastTense: 'deleted', items: 'keys' },
	show: { resource: ['projectApiKey'], operation: ['delete'] },
	fields: [
		projectLocator,
		memberLocator(PROJECT_API_KEY, 'The key to revoke. Whatever uses it stops working at once; this cannot be undone.'),
	],
	// OpenAI deletes a service account's keys only with the account.
	refuse(key, { id }, { itemIndex }) {
		const owner = ownerFields(key);
		if (owner.ownerType !== 'service_account') return;
		throw new NodeOperationError(
			this.getNode(),
			`Key ${id} belongs to service account ${String(owner.ownerId)}, and OpenAI deletes such keys only with their account`,
			{
				itemIndex,
				description:
					'Delete the service account instead (Resource "Service Account", Operation "Delete"), or set the key list\'s "Owner Type" filter to User. Nothing was deleted.',
			},
		);
	},
	item: (entry, { projectId }, extra = {}) =>
		toMemberItem(entry, projectId, entry.owner ? { ...ownerFields(entry), ...extra } : extra),
});
