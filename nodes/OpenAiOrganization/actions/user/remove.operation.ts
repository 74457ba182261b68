import { USER } from '../../helpers/members';
import { removalOperation } from '../../helpers/removal';

/** Removing a user cannot be undone: they must be invited again. */
export const { destructive, description, prepare } = removalOperation({
	kind: USER,
	destructive: { verb: 'remove', pastTense: 'removed', items: 'users' },
	show: { resource: ['user'], operation: ['remove'] },
	locatorDescription: 'The user to remove from the organization. They lose access at once and must be invited again.',
});
