import { isRequestRefusal } from '../transport';
import type { RefusalExplainer } from '../transport';

const ROLE_PATH = /\/roles(\/[^/]+)?$/;

/**
 * How OpenAI's refusals about roles read (requests to …/roles only). OpenAI documents none of these codes, so their
 * words count too. The nodes refuse the predefined roles and the last owner themselves; these are for what slips
 * past them (another admin's change between the check and the request) and for names OpenAI alone knows are taken.
 */
export const explainRoleRefusal: RefusalExplainer = (failure, request) => {
	if (!ROLE_PATH.test(request.path) || !isRequestRefusal(failure)) return undefined;
	const text = failure.openAiMessage ?? '';
	if (failure.openAiCode === 'predefined_role' || /predefined/i.test(text)) {
		return {
			message: 'The role is predefined: OpenAI manages it, so it cannot be changed or deleted',
			fix: 'Create a custom role with the permissions you need (Create) and assign that instead.',
		};
	}
	if (failure.openAiCode === 'role_name_taken' || /already exists/i.test(text)) {
		return {
			message: 'A role with this name already exists',
			fix: 'Choose another name, or find the existing role with "Get Many" and use it.',
		};
	}
	if (failure.openAiCode === 'last_owner' || /last owner|at least one owner/i.test(text)) {
		const where = request.path.startsWith('/projects/') ? 'project' : 'organization';
		return {
			message: `The ${where} keeps at least one owner, and this is its last one`,
			fix: 'Assign the owner role to another user first (Assign), then unassign it from this one.',
		};
	}
	return undefined;
};
