import { isRequestRefusal } from '../transport';
import type { Explanation, RefusalExplainer } from '../transport';

/**
 * How OpenAI's refusals about a project and what lives in it (members, keys) read. OpenAI documents few of these
 * codes, so their words count too. Each reads a 400 or 422 only.
 */

/** Said when OpenAI refuses a change to the Default project, and when a node refuses it before asking. */
export const DEFAULT_PROJECT_REFUSAL: Explanation = {
	message: 'The Default project cannot be renamed or archived',
	fix: "Every organization keeps its Default project. Pick another project, e.g. filter the Default project out with 'Name Contains' or an IF node.",
};

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A change to an archived project, or to the Default project. */
export const explainProjectRefusal: RefusalExplainer = (failure, request) => {
	if (!isRequestRefusal(failure)) return undefined;
	const text = failure.openAiMessage ?? '';
	if (failure.openAiCode === 'project_archived' || /is archived/i.test(text)) {
		return {
			message: `${capitalise(request.subject ?? 'the project')} is archived, and archived projects cannot be changed`,
			fix: 'Archiving cannot be undone. Create a new project if you need an active one.',
		};
	}
	if (/default project/i.test(text)) return DEFAULT_PROJECT_REFUSAL;
	return undefined;
};

/** Removing or demoting a project's last owner, adding a user who is already in it. */
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

/** Deleting a service account's key on its own. */
export const explainKeyRefusal: RefusalExplainer = (failure) => {
	if (!isRequestRefusal(failure)) return undefined;
	if (failure.openAiCode === 'service_account_key' || /belongs? to a service account/i.test(failure.openAiMessage ?? '')) {
		return {
			message: "A service account's API key can only be deleted with its service account",
			fix: 'Delete the service account (Resource "Service Account", Operation "Delete"), or filter the key list to keys owned by users.',
		};
	}
	return undefined;
};
