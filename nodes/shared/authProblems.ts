/**
 * The one table of words for a refused key. The credentials' Test button (static rules, see
 * credentialTestRules) and the nodes' run-time diagnosis (transport/errors.ts) both read it, so the
 * editor and a failed run name a cause the same way. No entry may hold a key: at run time the
 * transport adds the key's fingerprint (sk-...abcd) in the details, never here.
 */

import { ADMIN_CREDENTIAL_NAME, CHAT_CREDENTIAL_NAME } from './credentialNames';

export interface AuthProblem {
	message: string;
	fix: string;
}

/** What the run-time diagnosis knows and the Test button does not: the values and where they were set. */
export interface AuthSubject {
	organizationId?: string;
	/** e.g. `the node's "Organization ID" field`; default (and always on the Test button): the credential. */
	organizationField?: string;
	projectId?: string;
}

export const KEY_PAGES = {
	admin: 'platform.openai.com/settings/organization/admin-keys',
	project: 'platform.openai.com/api-keys',
	organization: 'platform.openai.com/settings/organization/general',
};

const CREDENTIAL_ORGANIZATION_FIELD = 'the credential';

function organizationName(subject: AuthSubject): string {
	return subject.organizationId
		? `organization ${subject.organizationId}`
		: 'the organization in "Organization ID"';
}

function organizationField(subject: AuthSubject): string {
	return subject.organizationField ?? CREDENTIAL_ORGANIZATION_FIELD;
}

export const AUTH_PROBLEMS = {
	/** 401 mismatched_organization: the key is fine, the OpenAI-Organization header is not its organization. */
	mismatchedOrganization: (subject: AuthSubject = {}): AuthProblem => ({
		message: `The API key does not belong to ${organizationName(subject)}`,
		fix: `Remove the Organization ID from ${organizationField(subject)}, or use an API key from that organization. A key belongs to the organization it was created in.`,
	}),
	/** 401 invalid_api_key. */
	unknownKey: (): AuthProblem => ({
		message: 'OpenAI does not recognise this API key',
		fix: 'Copy the key again into "API Key": it may be incomplete, or it was revoked or belongs to another account.',
	}),
	/** 401 invalid_organization. */
	unknownOrganization: (subject: AuthSubject = {}): AuthProblem => ({
		message: `${subject.organizationId ? `Organization ${subject.organizationId}` : 'The organization in "Organization ID"'} does not exist or this key cannot see it`,
		fix: `Check the Organization ID in ${organizationField(subject)} (${KEY_PAGES.organization} shows it), or leave it empty to use the key's own organization.`,
	}),
	/** 401 no_organization. */
	noOrganization: (): AuthProblem => ({
		message: 'The owner of this API key is not a member of any OpenAI organization',
		fix: 'Join or create an organization at platform.openai.com, then create a new key there.',
	}),
	/** 401 mismatched_project: a project key sent with another project's OpenAI-Project header. */
	mismatchedProject: (subject: AuthSubject = {}): AuthProblem => ({
		message: `The API key does not belong to ${subject.projectId ? `project ${subject.projectId}` : 'the project in "Project ID"'}`,
		fix: 'Remove the Project ID, or use a key from that project: a project key (sk-proj-…) only works in its own project.',
	}),
	/** 401 invalid_project: no such project in the organization, or it is archived. */
	unknownProject: (subject: AuthSubject = {}): AuthProblem => ({
		message: `${subject.projectId ? `Project ${subject.projectId}` : 'The project in "Project ID"'} does not exist in this organization, or it is archived`,
		fix: 'Check the Project ID (it looks like proj_AbC123…), or leave it empty to use the key\'s own project.',
	}),
	/** A project, service-account or user key where an Admin key is needed. */
	adminKeyNeeded: (): AuthProblem => ({
		message: 'This operation needs an OpenAI Admin API key',
		fix: `This key is a project or user key, and only an Admin key (it starts with sk-admin-) manages projects, costs and usage. Create one at ${KEY_PAGES.admin} (organization owners only) and put it in the credential (the Admin nodes take an "${ADMIN_CREDENTIAL_NAME}" credential).`,
	}),
	/** An Admin key where chat and models need a project or user key. */
	chatKeyNeeded: (): AuthProblem => ({
		message: 'Chat and models need a project or user API key, not an Admin key',
		fix: `This key is an Admin key (sk-admin-…), which only manages the organization. Create a project key at ${KEY_PAGES.project} and put it in an "${CHAT_CREDENTIAL_NAME}" credential; Admin keys belong in an "${ADMIN_CREDENTIAL_NAME}" credential.`,
	}),
	/** A 404 page, HTML, or OpenAI's "Invalid URL": something other than the OpenAI API answers there. */
	baseUrlNotOpenAi: (): AuthProblem => ({
		message: 'The Base URL does not point at the OpenAI API (it answered a web page or "Invalid URL")',
		fix: 'The Base URL should end in /v1, e.g. https://api.openai.com/v1 (or your proxy\'s address ending in /v1).',
	}),
	/** Test button only: a 5xx from OpenAI. */
	openAiServerError: (): AuthProblem => ({
		message: 'OpenAI had a server error while testing',
		fix: 'This is on OpenAI\'s side: test again in a minute (status.openai.com shows incidents).',
	}),
	/** Test button only: a 429 rate limit. */
	rateLimited: (): AuthProblem => ({
		message: 'OpenAI\'s rate limit was reached while testing',
		fix: 'The key works but is busy: test again in a minute.',
	}),
	/** Test button only: any other refusal OpenAI answers in its own error format. */
	otherRefusal: (): AuthProblem => ({
		message: 'OpenAI refused the test request',
		fix: 'Check the API Key, Organization ID and Project ID. Running a node with this credential shows OpenAI\'s own words.',
	}),
	/** Test button only: an answer that is neither a good list nor an OpenAI error. */
	noOpenAiAnswer: (): AuthProblem => ({
		message: 'The test got an answer that is neither an OpenAI list nor an OpenAI error',
		fix: 'Check the Base URL: it should end in /v1, e.g. https://api.openai.com/v1. If it does, test again later.',
	}),
};

export type AuthProblemName = keyof typeof AUTH_PROBLEMS;

/** The one-line form the Test button shows. */
export function testMessage(problem: AuthProblem): string {
	return `${problem.message}. ${problem.fix}`;
}
