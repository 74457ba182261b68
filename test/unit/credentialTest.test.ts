import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions } from 'n8n-workflow';

import { OpenAiAdminApi } from '../../credentials/OpenAiAdminApi.credentials';
import { OpenAiOrgApi } from '../../credentials/OpenAiOrgApi.credentials';
import { AUTH_PROBLEMS, testMessage } from '../../nodes/shared/authProblems';
import { resolveCredentialExpression } from '../harness/credentials-helper';
import {
	ADMIN_KEY_ACME,
	BAD_KEY,
	DEFAULT_PROJECT_ACME,
	ORG_ACME,
	ORG_GLOBEX,
	ORG_UNKNOWN,
	PROJECT_GLOBEX_RESEARCH,
	PROJECT_KEY_ACME,
	USER_KEY_ACME_ONLY,
	USER_KEY_MULTI,
	USER_KEY_NO_ORG,
	startOpenAiTestServer,
} from '../openai-server';
import type { OpenAiTestServer } from '../openai-server';

/**
 * The Test button as n8n 2.8.4's credential tester runs it (packages/cli credentials-tester.service): the test
 * request signed by the credential, its answer taken as is (a status error is no error with
 * ignoreHttpStatusErrors), JSON parsed when it is JSON, then the first `responseSuccessBody` rule whose
 * `get(body, key) === value` fails the test with its message. The e2e suite presses the real button.
 */
function evaluate(expression: unknown, credentials: ICredentialDataDecryptedObject): string {
	return String(resolveCredentialExpression(expression, credentials));
}

function get(value: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((current, key) => {
		if (current === null || current === undefined) return undefined;
		return (current as Record<string, unknown>)[key];
	}, value);
}

async function pressTest(type: ICredentialType, values: ICredentialDataDecryptedObject): Promise<{ status: 'OK' | 'Error'; message: string; path: string }> {
	const test = type.test!;
	const baseURL = evaluate(test.request.baseURL, values);
	const url = evaluate(test.request.url, values);
	expect(test.request.ignoreHttpStatusErrors).toBe(true);
	const authenticate = type.authenticate as (c: ICredentialDataDecryptedObject, o: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
	const signed = await authenticate(values, { url: `${baseURL}${url}`, headers: {} });
	const response = await fetch(signed.url, { headers: signed.headers as Record<string, string> });
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// n8n keeps a body that is not JSON as text
	}
	const path = new URL(signed.url).pathname;
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		if (get(body, rule.properties.key) === rule.properties.value) return { status: 'Error', message: rule.properties.message, path };
	}
	return { status: 'OK', message: 'Connection successful!', path };
}

describe('the credentials\' Test button names the cause', () => {
	let server: OpenAiTestServer;
	const chat = new OpenAiOrgApi();
	const admin = new OpenAiAdminApi();
	const withDefaults = (values: ICredentialDataDecryptedObject) => ({ organizationId: '', projectId: '', baseUrl: server.url, ...values });
	const says = (problem: keyof typeof AUTH_PROBLEMS) => testMessage(AUTH_PROBLEMS[problem]());

	beforeAll(async () => {
		server = await startOpenAiTestServer({ projects: 3 });
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	it.each([
		['a project key', { apiKey: PROJECT_KEY_ACME }],
		['a project key with its own project', { apiKey: PROJECT_KEY_ACME, projectId: DEFAULT_PROJECT_ACME }],
		['a user key with one of its own organizations', { apiKey: USER_KEY_MULTI, organizationId: ORG_GLOBEX }],
	])('Organization API: passes %s, tested on /models', async (_, values) => {
		expect(await pressTest(chat, withDefaults(values))).toEqual({ status: 'OK', message: 'Connection successful!', path: '/v1/models' });
	});

	it.each([
		['an Admin key', { apiKey: ADMIN_KEY_ACME }],
		['an Admin key with its own organization', { apiKey: ADMIN_KEY_ACME, organizationId: ORG_ACME }],
	])('Admin API: passes %s, tested on the projects list', async (_, values) => {
		expect(await pressTest(admin, withDefaults(values))).toEqual({ status: 'OK', message: 'Connection successful!', path: '/v1/organization/projects' });
	});

	it.each([
		['a key used with another organization', chat, { apiKey: USER_KEY_ACME_ONLY, organizationId: ORG_GLOBEX }, 'mismatchedOrganization'],
		['an Admin key used with another organization', admin, { apiKey: ADMIN_KEY_ACME, organizationId: ORG_GLOBEX }, 'mismatchedOrganization'],
		['an unknown key', chat, { apiKey: BAD_KEY }, 'unknownKey'],
		['an unknown key', admin, { apiKey: BAD_KEY }, 'unknownKey'],
		['an organization that does not exist', chat, { apiKey: USER_KEY_MULTI, organizationId: ORG_UNKNOWN }, 'unknownOrganization'],
		['an organization that does not exist', admin, { apiKey: ADMIN_KEY_ACME, organizationId: ORG_UNKNOWN }, 'unknownOrganization'],
		['a user in no organization', chat, { apiKey: USER_KEY_NO_ORG }, 'noOrganization'],
		['a project key with another project', chat, { apiKey: PROJECT_KEY_ACME, projectId: PROJECT_GLOBEX_RESEARCH }, 'mismatchedProject'],
		['a Project ID that does not exist', chat, { apiKey: USER_KEY_MULTI, projectId: 'proj_doesNotExist0000000001' }, 'unknownProject'],
		['an Admin key (wrong kind for chat)', chat, { apiKey: ADMIN_KEY_ACME }, 'chatKeyNeeded'],
		['a project key (wrong kind for admin work)', admin, { apiKey: PROJECT_KEY_ACME }, 'adminKeyNeeded'],
		['a user key (wrong kind for admin work)', admin, { apiKey: USER_KEY_MULTI }, 'adminKeyNeeded'],
	] as const)('says what is wrong with %s (%#)', async (_, type, values, problem) => {
		const result = await pressTest(type, withDefaults(values));
		expect(result).toMatchObject({ status: 'Error', message: says(problem) });
	});

	it.each([
		['without /v1 (OpenAI\'s JSON "Invalid URL")', ''],
		['at an HTML page', '/web/v1'],
	])('says the Base URL should end in /v1 when it points %s', async (_, suffix) => {
		const baseUrl = `${new URL(server.url).origin}${suffix}`;
		for (const [type, apiKey] of [[chat, PROJECT_KEY_ACME], [admin, ADMIN_KEY_ACME]] as const) {
			expect(await pressTest(type, withDefaults({ apiKey, baseUrl }))).toMatchObject({ status: 'Error', message: says('baseUrlNotOpenAi') });
		}
	});

	it('says OpenAI had a server error, or its rate limit was reached', async () => {
		server.faults.add({ kind: 'server_error', status: 503, times: 1 });
		expect(await pressTest(chat, withDefaults({ apiKey: PROJECT_KEY_ACME }))).toMatchObject({ message: says('openAiServerError') });
		server.faults.add({ kind: 'rate_limit', retryAfterSeconds: 0, times: 1 });
		expect(await pressTest(chat, withDefaults({ apiKey: PROJECT_KEY_ACME }))).toMatchObject({ message: says('rateLimited') });
	});

	it('names no key in any message, and every message names a field or a fix', () => {
		for (const type of [chat, admin]) {
			for (const rule of type.test!.rules ?? []) {
				expect(rule.properties.message).not.toMatch(/sk-[A-Za-z0-9]{6,}/);
				expect(rule.properties.message.split('. ').length).toBeGreaterThan(1);
			}
		}
	});
});
