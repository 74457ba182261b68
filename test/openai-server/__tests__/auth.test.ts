/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	ADMIN_KEY_ACME,
	ADMIN_KEY_GLOBEX,
	BAD_KEY,
	DEFAULT_PROJECT_ACME,
	fingerprint,
	ORG_ACME,
	ORG_GLOBEX,
	ORG_UNKNOWN,
	PROJECT_GLOBEX_ARCHIVED,
	PROJECT_GLOBEX_RESEARCH,
	PROJECT_KEY_ACME,
	startOpenAiTestServer,
	USER_KEY_ACME_ONLY,
	USER_KEY_MULTI,
	USER_KEY_NO_ORG,
	type OpenAiTestServer,
} from '..';
import { call, expectError } from './client';

let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const chat = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] };

describe('keys', () => {
	test('a request without a key is refused with invalid_api_key', async () => {
		expectError(
			await call(server, 'GET', '/models'),
			401,
			'invalid_api_key',
			/^You didn't provide an API key/,
		);
	});

	test('an unknown key is refused with OpenAI text, showing only its fingerprint', async () => {
		const result = await call(server, 'GET', '/models', { key: BAD_KEY });
		expectError(
			result,
			401,
			'invalid_api_key',
			`Incorrect API key provided: ${fingerprint(BAD_KEY)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
		);
		expect(JSON.stringify(result.body)).not.toContain(BAD_KEY);
		expect(result.body.error.type).toBe('invalid_request_error');
	});

	test('a user who belongs to no organization gets no_organization', async () => {
		expectError(
			await call(server, 'GET', '/models', { key: USER_KEY_NO_ORG }),
			401,
			'no_organization',
			'You must be a member of an organization to use the API. Please contact us through our help center at help.openai.com.',
		);
	});
});

describe('the OpenAI-Organization header', () => {
	test('an empty header is refused rather than ignored', async () => {
		expectError(
			await call(server, 'GET', '/models', { key: USER_KEY_MULTI, organization: '' }),
			401,
			'invalid_organization',
			/OpenAI-Organization header is empty/,
		);
	});

	test('an organization that does not exist is invalid_organization', async () => {
		expectError(
			await call(server, 'GET', '/models', { key: USER_KEY_MULTI, organization: ORG_UNKNOWN }),
			401,
			'invalid_organization',
			`No such organization: ${ORG_UNKNOWN}.`,
		);
	});

	test('a user key naming an organization it is not a member of is mismatched_organization', async () => {
		expectError(
			await call(server, 'GET', '/models', { key: USER_KEY_ACME_ONLY, organization: ORG_GLOBEX }),
			401,
			'mismatched_organization',
			'OpenAI-Organization header should match organization for API key',
		);
	});

	test('a user key may pick any organization it belongs to', async () => {
		expect(
			(await call(server, 'GET', '/models', { key: USER_KEY_MULTI, organization: ORG_GLOBEX }))
				.status,
		).toBe(200);
	});

	test('an admin key accepts its own organization in the header', async () => {
		const result = await call(server, 'GET', '/organization/projects', {
			key: ADMIN_KEY_ACME,
			organization: ORG_ACME,
		});
		expect(result.status).toBe(200);
	});

	test('an admin key naming another organization is mismatched_organization', async () => {
		expectError(
			await call(server, 'GET', '/organization/projects', {
				key: ADMIN_KEY_ACME,
				organization: ORG_GLOBEX,
			}),
			401,
			'mismatched_organization',
		);
	});

	test('a project key naming another organization is mismatched_organization', async () => {
		expectError(
			await call(server, 'POST', '/chat/completions', {
				key: PROJECT_KEY_ACME,
				organization: ORG_GLOBEX,
				body: chat,
			}),
			401,
			'mismatched_organization',
		);
	});
});

describe('the OpenAI-Project header', () => {
	test('an empty header is refused', async () => {
		expectError(
			await call(server, 'POST', '/chat/completions', {
				key: USER_KEY_MULTI,
				project: '',
				body: chat,
			}),
			401,
			'invalid_project',
			/OpenAI-Project header is empty/,
		);
	});

	test('a project key only accepts its own project', async () => {
		expectError(
			await call(server, 'POST', '/chat/completions', {
				key: PROJECT_KEY_ACME,
				project: PROJECT_GLOBEX_RESEARCH,
				body: chat,
			}),
			401,
			'mismatched_project',
			'OpenAI-Project header should match project for API key',
		);
		const own = await call(server, 'POST', '/chat/completions', {
			key: PROJECT_KEY_ACME,
			project: DEFAULT_PROJECT_ACME,
			body: chat,
		});
		expect(own.status).toBe(200);
	});

	test('a project of another organization than the chosen one is invalid_project', async () => {
		expectError(
			await call(server, 'POST', '/chat/completions', {
				key: USER_KEY_MULTI,
				project: PROJECT_GLOBEX_RESEARCH,
				body: chat,
			}),
			401,
			'invalid_project',
			`No such project: ${PROJECT_GLOBEX_RESEARCH} in organization ${ORG_ACME}.`,
		);
	});

	test('an archived project cannot be billed', async () => {
		expectError(
			await call(server, 'POST', '/chat/completions', {
				key: USER_KEY_MULTI,
				organization: ORG_GLOBEX,
				project: PROJECT_GLOBEX_ARCHIVED,
				body: chat,
			}),
			401,
			'invalid_project',
			`Project ${PROJECT_GLOBEX_ARCHIVED} is archived and cannot be used for API requests.`,
		);
	});
});

describe('scopes', () => {
	const managementText =
		"You have insufficient permissions for this operation. Missing scopes: api.management.read. Check that you have the correct role in your organization, and if you're using a restricted API key, that it has the necessary scopes.";

	test.each([
		['a user key', USER_KEY_MULTI],
		['a project key', PROJECT_KEY_ACME],
	])(
		'%s on the projects API is refused with code null and Missing scopes: api.management.read',
		async (_, key) => {
			expectError(
				await call(server, 'GET', '/organization/projects', { key }),
				401,
				null,
				managementText,
			);
			expectError(
				await call(server, 'POST', '/organization/projects', { key, body: { name: 'x' } }),
				401,
				null,
				managementText,
			);
		},
	);

	test.each(['/organization/costs', '/organization/usage/completions'])(
		'a user key on %s is refused with Missing scopes: api.usage.read',
		async (path) => {
			expectError(
				await call(server, 'GET', path, {
					key: USER_KEY_MULTI,
					query: { start_time: '1700000000' },
				}),
				401,
				null,
				/^You have insufficient permissions for this operation\. Missing scopes: api\.usage\.read\./,
			);
		},
	);

	test('an admin key cannot list models (Missing scopes: model.read)', async () => {
		expectError(
			await call(server, 'GET', '/models', { key: ADMIN_KEY_ACME }),
			401,
			null,
			/Missing scopes: model\.read\./,
		);
	});

	test('an admin key cannot run chat completions (Missing scopes: model.request)', async () => {
		const result = await call(server, 'POST', '/chat/completions', {
			key: ADMIN_KEY_GLOBEX,
			body: chat,
		});
		expectError(
			result,
			401,
			null,
			/^You have insufficient permissions for this operation\. Missing scopes: model\.request\./,
		);
		expect(server.state.chatCompletions).toHaveLength(0);
	});
});

test('an unknown URL answers OpenAI Invalid URL error', async () => {
	expectError(
		await call(server, 'GET', '/organization/nothing', { key: ADMIN_KEY_ACME }),
		404,
		null,
		'Invalid URL (GET /v1/organization/nothing)',
	);
});
