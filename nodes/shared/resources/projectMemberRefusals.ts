import { isRequestRefusal } from '../transport';
import type { RefusalExplainer } from '../transport';

/** Refusals about a project's members (OpenAI's codes are not documented, so their words count too). */
export const explainMemberRefusal: RefusalExplainer = (failure) => {
	if (!isRequestRefusal(failure)) return undefined;
	const text = failure.openAiMessage ?? '';
	if (failure.openAiCode === 'last_owner' || /last owner/i.test(text)) {
		return {
			message: 'A project keeps at least one owner, and this is its last one',
			fix: 'Make another user an owner first (Project User → Change Role), then remove or demote this one.',
		};
	}
	if (failure.openAiCode === 'user_already_member' || /already a member/i.test(text)) {
		return {
			message: 'The user is already in the project',
			fix: 'Use "Change Role" to give them another role, or leave them as they are.',
		};
	}
	return undefined;
};
