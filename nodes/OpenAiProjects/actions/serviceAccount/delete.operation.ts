import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import { memberLocator, projectMemberRemoval, SERVICE_ACCOUNT } from '../../../shared/resources/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';

export const { destructive, description, prepare } = destructiveOperation({
	...projectMemberRemoval(SERVICE_ACCOUNT),
	rules: { verb: 'delete', pastTense: 'deleted', items: 'service accounts' },
	show: { resource: ['serviceAccount'], operation: ['delete'] },
	fields: [
		projectLocator,
		memberLocator(SERVICE_ACCOUNT, 'The service account to delete. Every API key it owns stops working at once.'),
	],
});
