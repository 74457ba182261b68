import { OpenAiError } from './errors';

// The organization's users and invites. Texts are "ours": OpenAI's are not verified (the contract only says an
// accepted invite cannot be deleted).
const INVALID_REQUEST = 'invalid_request_error';

export const userNotFound = (userId: string) =>
	new OpenAiError(404, `No user found with id '${userId}' in this organization.`, INVALID_REQUEST, 'not_found', 'user_id');

export const lastOrganizationOwner = () =>
	new OpenAiError(
		400,
		'The organization must keep at least one owner. Make another user an owner first.',
		INVALID_REQUEST,
		'last_owner',
		'user_id',
	);

export const inviteNotFound = (inviteId: string) =>
	new OpenAiError(404, `No invite found with id '${inviteId}'.`, INVALID_REQUEST, 'not_found', 'invite_id');

export const inviteAccepted = (inviteId: string) =>
	new OpenAiError(
		400,
		`Invite '${inviteId}' has already been accepted and cannot be deleted.`,
		INVALID_REQUEST,
		'invite_accepted',
		'invite_id',
	);

export const alreadyInvited = (email: string) =>
	new OpenAiError(400, `There is already a pending invite for '${email}'.`, INVALID_REQUEST, 'invite_exists', 'email');

export const alreadyMember = (email: string) =>
	new OpenAiError(400, `'${email}' is already a member of this organization.`, INVALID_REQUEST, 'user_already_member', 'email');
