import { isRequestRefusal } from '../transport';
import type { RefusalExplainer } from '../transport';

/**
 * How OpenAI's refusals about groups read. OpenAI documents none of these codes, so their words count too. The 404
 * of an add to a group is the user's when it names `user_id` (only the organization's users can join a group).
 */
export const explainGroupRefusal: RefusalExplainer = (failure, request) => {
	const text = failure.openAiMessage ?? '';
	if (failure.status === 404 && /^\/organization\/groups\/[^/]+\/users$/.test(request.path) && failure.openAiParam === 'user_id') {
		return {
			message: 'The user is not in the organization, and only its users can join a group',
			fix: 'Invite them first (Invite → Create) and add them once they accepted, or pick a user from the list.',
		};
	}
	if (!isRequestRefusal(failure)) return undefined;
	if (failure.openAiCode === 'group_scim_managed' || /identity provider|SCIM/i.test(text)) {
		return {
			message: 'The group is managed by your identity provider (SCIM), so OpenAI cannot change it',
			fix: 'Make this change in your identity provider (Okta, Entra ID…); it syncs the group to OpenAI.',
		};
	}
	if (failure.openAiCode === 'group_user_exists' || /already in (the )?group/i.test(text)) {
		return { message: 'The user is already in the group', fix: 'Nothing to do: leave them as they are.' };
	}
	if (failure.openAiCode === 'project_group_exists' || /already has access/i.test(text)) {
		return {
			message: 'The group already has access to the project',
			fix: 'To give it another role, remove it (Project Group → Remove) and add it again with that role; otherwise nothing to do.',
		};
	}
	return undefined;
};
