import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import { memberLocator, organizationMemberRemoval, USER } from '../../helpers/members';

/** Removing a user cannot be undone: they must be invited again. */
export const { destructive, description, prepare } = destructiveOperation({
	...organizationMemberRemoval(USER),
	rules: { verb: 'remove', pastTense: 'removed', items: 'users' },
	show: { resource: ['user'], operation: ['remove'] },
	fields: [memberLocator(USER, 'The user to remove from the organization. They lose access at once and must be invited again.')],
});
