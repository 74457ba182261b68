import type { IAuthenticateRuleResponseSuccessBody, ICredentialTestRequest } from 'n8n-workflow';

import { AUTH_PROBLEMS, testMessage } from './authProblems';
import type { AuthProblem } from './authProblems';
import { DEFAULT_BASE_URL } from './transport/credentials';

/**
 * The credentials' Test button. n8n sends `request` through its own request helper; with
 * `ignoreHttpStatusErrors` OpenAI's 4xx body comes back as the answer, and n8n fails the test with the
 * message of the first rule whose `get(body, key) === value`. A good answer is a list (`object: "list"`)
 * that matches no rule. Admin keys are tested on the projects list, every other key on /models: what
 * comes back tells the kind of key apart, so each credential can say when it holds the wrong kind.
 */
export type CredentialUse = 'admin' | 'chat';

/** The same Base URL as the nodes use (readCredentialValues), as an expression n8n evaluates for the test. */
const BASE_URL = `={{ ($credentials.baseUrl || "${DEFAULT_BASE_URL}").trim().replace(/\\/+$/, "") }}`;
const PROBE_URL =
	'={{ String($credentials.apiKey || "").trim().startsWith("sk-admin-") ? "/organization/projects?limit=1" : "/models" }}';

/** What the two probes answer when OpenAI does not know the path: the Base URL lacks /v1. */
const INVALID_URL_MESSAGES = [
	'Invalid URL (GET /models)',
	'Invalid URL (GET /organization/projects)',
];

function rule(key: string, value: unknown, problem: AuthProblem): IAuthenticateRuleResponseSuccessBody {
	return { type: 'responseSuccessBody', properties: { key, value, message: testMessage(problem) } };
}

function refusalRules(): IAuthenticateRuleResponseSuccessBody[] {
	return [
		rule('error.code', 'mismatched_organization', AUTH_PROBLEMS.mismatchedOrganization()),
		rule('error.code', 'invalid_api_key', AUTH_PROBLEMS.unknownKey()),
		rule('error.code', 'invalid_organization', AUTH_PROBLEMS.unknownOrganization()),
		rule('error.code', 'no_organization', AUTH_PROBLEMS.noOrganization()),
		rule('error.code', 'mismatched_project', AUTH_PROBLEMS.mismatchedProject()),
		rule('error.code', 'invalid_project', AUTH_PROBLEMS.unknownProject()),
	];
}

function kindRules(use: CredentialUse): IAuthenticateRuleResponseSuccessBody[] {
	if (use === 'chat') {
		// Only the projects list (where Admin keys are sent) carries has_more; /models never does.
		const problem = AUTH_PROBLEMS.chatKeyNeeded();
		return [rule('has_more', false, problem), rule('has_more', true, problem)];
	}
	// A project or user key was sent to /models, and /models answered with its list of models.
	return [rule('data.0.object', 'model', AUTH_PROBLEMS.adminKeyNeeded())];
}

function baseUrlRules(): IAuthenticateRuleResponseSuccessBody[] {
	const problem = AUTH_PROBLEMS.baseUrlNotOpenAi();
	return [
		// An HTML page comes back as text: its first character is "<".
		rule('0', '<', problem),
		...INVALID_URL_MESSAGES.map((message) => rule('error.message', message, problem)),
	];
}

export function credentialTest(use: CredentialUse): ICredentialTestRequest {
	return {
		request: { baseURL: BASE_URL, url: PROBE_URL, ignoreHttpStatusErrors: true },
		rules: [
			...refusalRules(),
			...kindRules(use),
			...baseUrlRules(),
			rule('error.type', 'server_error', AUTH_PROBLEMS.openAiServerError()),
			rule('error.code', 'rate_limit_exceeded', AUTH_PROBLEMS.rateLimited()),
			rule('error.type', 'invalid_request_error', AUTH_PROBLEMS.otherRefusal()),
			// Every good answer is a list; whatever is not, and matched nothing above, fails here.
			rule('object', undefined, AUTH_PROBLEMS.noOpenAiAnswer()),
		],
	};
}
