/**
 * Every error the server answers, with OpenAI's texts where users have reported them
 * (see ../shared/openai-facts.md). Texts marked "ours" are not verified against OpenAI; README.md lists them.
 */
export class OpenAiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly type: string,
		readonly code: string | null = null,
		readonly param: string | null = null,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}

	toBody() {
		return {
			error: { message: this.message, type: this.type, param: this.param, code: this.code },
		};
	}
}

const INVALID_REQUEST = 'invalid_request_error';

export const missingApiKey = () =>
	new OpenAiError(
		401,
		"You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
		INVALID_REQUEST,
		'invalid_api_key',
	);

export const incorrectApiKey = (keyFingerprint: string) =>
	new OpenAiError(
		401,
		`Incorrect API key provided: ${keyFingerprint}. You can find your API key at https://platform.openai.com/account/api-keys.`,
		INVALID_REQUEST,
		'invalid_api_key',
	);

export const noOrganization = () =>
	new OpenAiError(
		401,
		'You must be a member of an organization to use the API. Please contact us through our help center at help.openai.com.',
		INVALID_REQUEST,
		'no_organization',
	);

// ours: OpenAI's text for an empty header is not documented.
export const emptyOrganizationHeader = () =>
	new OpenAiError(
		401,
		'The OpenAI-Organization header is empty. Send an organization ID (org-...) or leave the header out.',
		INVALID_REQUEST,
		'invalid_organization',
	);

export const noSuchOrganization = (organizationId: string) =>
	new OpenAiError(
		401,
		`No such organization: ${organizationId}.`,
		INVALID_REQUEST,
		'invalid_organization',
	);

export const mismatchedOrganization = () =>
	new OpenAiError(
		401,
		'OpenAI-Organization header should match organization for API key',
		INVALID_REQUEST,
		'mismatched_organization',
	);

// ours: modelled on the mismatched_organization text.
export const emptyProjectHeader = () =>
	new OpenAiError(
		401,
		'The OpenAI-Project header is empty. Send a project ID (proj_...) or leave the header out.',
		INVALID_REQUEST,
		'invalid_project',
	);

export const noSuchProject = (projectId: string, organizationId: string) =>
	new OpenAiError(
		401,
		`No such project: ${projectId} in organization ${organizationId}.`,
		INVALID_REQUEST,
		'invalid_project',
	);

export const archivedProjectHeader = (projectId: string) =>
	new OpenAiError(
		401,
		`Project ${projectId} is archived and cannot be used for API requests.`,
		INVALID_REQUEST,
		'invalid_project',
	);

export const mismatchedProject = () =>
	new OpenAiError(
		401,
		'OpenAI-Project header should match project for API key',
		INVALID_REQUEST,
		'mismatched_project',
	);

export const missingScope = (scope: string) =>
	new OpenAiError(
		401,
		`You have insufficient permissions for this operation. Missing scopes: ${scope}. Check that you have the correct role in your organization, and if you're using a restricted API key, that it has the necessary scopes.`,
		INVALID_REQUEST,
	);

export const invalidUrl = (method: string, path: string) =>
	new OpenAiError(404, `Invalid URL (${method} ${path})`, INVALID_REQUEST);

export const unparsableJson = () =>
	new OpenAiError(
		400,
		"We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)",
		INVALID_REQUEST,
	);

export const missingParameter = (param: string) =>
	new OpenAiError(
		400,
		`Missing required parameter: '${param}'.`,
		INVALID_REQUEST,
		'missing_required_parameter',
		param,
	);

export const invalidType = (param: string, expected: string, got: unknown) =>
	new OpenAiError(
		400,
		`Invalid type for '${param}': expected ${expected}, but got ${describeType(got)} instead.`,
		INVALID_REQUEST,
		'invalid_type',
		param,
	);

export const invalidValue = (param: string, message: string) =>
	new OpenAiError(400, `Invalid '${param}': ${message}`, INVALID_REQUEST, 'invalid_value', param);

export const integerOutOfRange = (param: string, min: number, max: number, got: unknown) =>
	new OpenAiError(
		400,
		`Invalid '${param}': integer must be between ${min} and ${max}, but got ${JSON.stringify(got)} instead.`,
		INVALID_REQUEST,
		Number(got) < min ? 'integer_below_min_value' : 'integer_above_max_value',
		param,
	);

export const modelNotFound = (model: string) =>
	new OpenAiError(
		404,
		`The model \`${model}\` does not exist or you do not have access to it.`,
		INVALID_REQUEST,
		'model_not_found',
		'model',
	);

export const notAChatModel = () =>
	new OpenAiError(
		404,
		'This is not a chat model and thus not supported in the v1/chat/completions endpoint. Did you mean to use v1/completions?',
		INVALID_REQUEST,
		null,
		'model',
	);

// ours: OpenAI's 404 text for projects is not verified.
export const projectNotFound = (projectId: string) =>
	new OpenAiError(
		404,
		`No project found with id '${projectId}'.`,
		INVALID_REQUEST,
		'not_found',
		'project_id',
	);

// ours: OpenAI's 404 text for an API key is not verified.
export const apiKeyNotFound = (keyId: string) =>
	new OpenAiError(404, `No API key found with id '${keyId}'.`, INVALID_REQUEST, 'not_found', 'api_key_id');

export const defaultProjectUnchangeable = (action: 'update' | 'archive') =>
	new OpenAiError(400, `Cannot ${action} the default project.`, INVALID_REQUEST);

export const projectArchived = (projectId: string) =>
	new OpenAiError(
		400,
		`Project '${projectId}' is archived. You can only update an active project.`,
		INVALID_REQUEST,
		'project_archived',
	);

export const rateLimitReached = (organizationId: string, limit: number, retryInSeconds: number) =>
	new OpenAiError(
		429,
		`Rate limit reached for requests in organization ${organizationId} on requests per min (RPM): Limit ${limit}, Used ${limit}, Requested 1. Please try again in ${retryInSeconds}s.`,
		'requests',
		'rate_limit_exceeded',
	);

export const insufficientQuota = () =>
	new OpenAiError(
		429,
		'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
		'insufficient_quota',
		'insufficient_quota',
	);

const SERVER_ERROR_TEXTS: Record<500 | 502 | 503, string> = {
	500: 'The server had an error while processing your request. Sorry about that!',
	502: 'Bad gateway.',
	503: 'The engine is currently overloaded, please try again later.',
};

export const serverError = (status: 500 | 502 | 503) =>
	new OpenAiError(status, SERVER_ERROR_TEXTS[status], 'server_error');

function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return `a ${typeof value}`;
}

/** OpenAI's 429 for a request over the organization's requests or tokens per minute (texts users reported). */
export const modelRateLimitReached = (refusal: {
	model: string | undefined;
	organizationId: string;
	kind: 'requests' | 'tokens';
	limit: number;
	used: number;
	requested: number;
	retryIn: string;
}) =>
	new OpenAiError(
		429,
		`Rate limit reached for ${refusal.model ?? 'requests'} in organization ${refusal.organizationId} on ${refusal.kind === 'requests' ? 'requests per min (RPM)' : 'tokens per min (TPM)'}: Limit ${refusal.limit}, Used ${refusal.used}, Requested ${refusal.requested}. Please try again in ${refusal.retryIn}.`,
		refusal.kind,
		'rate_limit_exceeded',
	);

/** The fault form, worded like the token-limit 429 users reported; `model` is the request's, when it names one. */
export const rateLimitFault = (
	organizationId: string,
	model: string | undefined,
	retryInMs: number,
) =>
	new OpenAiError(
		429,
		`Rate limit reached for ${model ?? 'requests'} in organization ${organizationId} on tokens per min (TPM): Limit 30000, Used 29937, Requested 385. Please try again in ${retryInMs}ms.`,
		'tokens',
		'rate_limit_exceeded',
	);

// Project members, service accounts and keys (texts "ours": OpenAI's are not verified).
export const projectUserNotFound = (userId: string) =>
	new OpenAiError(404, `No user found with id '${userId}' in this project.`, INVALID_REQUEST, 'not_found', 'user_id');

export const organizationUserNotFound = (who: string) =>
	new OpenAiError(
		404,
		`No user '${who}' in this organization. Users must already be members of the organization to be added to a project.`,
		INVALID_REQUEST,
		'not_found',
		'user_id',
	);

export const alreadyProjectMember = (userId: string) =>
	new OpenAiError(400, `User '${userId}' is already a member of this project.`, INVALID_REQUEST, 'user_already_member', 'user_id');

export const lastProjectOwner = (projectId: string) =>
	new OpenAiError(
		400,
		`Cannot remove the last owner of project '${projectId}'. Make another member an owner first.`,
		INVALID_REQUEST,
		'last_owner',
	);

export const serviceAccountNotFound = (serviceAccountId: string) =>
	new OpenAiError(
		404,
		`No service account found with id '${serviceAccountId}'.`,
		INVALID_REQUEST,
		'not_found',
		'service_account_id',
	);

export const serviceAccountKeyNotDeletable = (keyId: string) =>
	new OpenAiError(
		400,
		`API key '${keyId}' belongs to a service account and cannot be deleted on its own. Delete the service account instead.`,
		INVALID_REQUEST,
		'service_account_key',
		'api_key_id',
	);

/** Ours: OpenAI's words for an organization whose owners never turned audit logging on are not on record. */
export const auditLoggingDisabled = () =>
	new OpenAiError(
		403,
		'Audit logging is not enabled for this organization. An Organization Owner can enable it in the Data Controls settings.',
		INVALID_REQUEST,
		'audit_logging_disabled',
	);
