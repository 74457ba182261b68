import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { buildOpenAiApiError, describeOpenAiError, openAiErrorFacts } from '../../nodes/shared/transport/errors';
import type { RequestContext } from '../../nodes/shared/transport/errors';
import type { OpenAiFailure } from '../../nodes/shared/transport/http';
import '../../nodes/shared/resources/refusals';

const adminKey = 'sk-admin-abcdefghijklmnopqrstuvwxyzABCD';
const userKey = 'sk-abcdefghijklmnopqrstuvwxyzEFGH';
const node: INode = { id: '1', name: 'OpenAI Projects', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };

function context(change: Partial<RequestContext> = {}): RequestContext {
	return {
		method: 'GET',
		path: '/organization/projects',
		baseUrl: 'https://api.openai.com/v1',
		apiKey: adminKey,
		organizationId: '',
		organizationSource: 'none',
		projectId: '',
		...change,
	};
}

function failure(change: Partial<OpenAiFailure>): OpenAiFailure {
	return { retries: 0, openAiCode: null, ...change };
}

describe('the error table', () => {
	it('explains a mismatched organization with the fix and the proof', () => {
		const result = describeOpenAiError(
			failure({ status: 401, openAiCode: 'mismatched_organization', openAiMessage: 'OpenAI-Organization header should match organization for API key', requestId: 'req_1' }),
			context({ apiKey: userKey, path: '/models', organizationId: 'org-Other', organizationSource: 'credential', keyWithoutOrganization: 'works' }),
		);
		expect(result.message).toBe(
			'The API key does not belong to organization org-Other (checked: the same key works when no organization is sent)',
		);
		expect(result.fix).toBe(
			'Remove the Organization ID from the credential, or use an API key from that organization. A key belongs to the organization it was created in.',
		);
		expect(result.details).toEqual(
			expect.arrayContaining([
				'HTTP status: 401',
				'OpenAI says: OpenAI-Organization header should match organization for API key (code: mismatched_organization)',
				'Request ID: req_1',
				'Organization: org-Other (from the credential)',
				'API key: sk-...EFGH (user key)',
			]),
		);
	});

	it('says the key itself is wrong when it fails without the organization too', () => {
		const result = describeOpenAiError(
			failure({ status: 401, openAiCode: 'mismatched_organization' }),
			context({ apiKey: userKey, organizationId: 'org-X', organizationSource: 'node', keyWithoutOrganization: 'fails' }),
		);
		expect(result.message).toBe('OpenAI does not accept this API key');
	});

	it.each([
		[{ status: 401, openAiCode: 'invalid_api_key', openAiMessage: 'Incorrect API key provided: sk-...ABCD.' }, {}, 'OpenAI does not recognise this API key'],
		[{ status: 401, openAiCode: 'invalid_api_key', openAiMessage: 'Incorrect API key provided: sk-...EFGH.' }, { apiKey: userKey }, 'OpenAI does not recognise this API key'],
		[{ status: 401, openAiCode: 'invalid_organization', openAiMessage: 'No such organization: org-Nope.' }, { organizationId: 'org-Nope', organizationSource: 'credential' as const }, 'Organization org-Nope does not exist or this key cannot see it'],
		[{ status: 401, openAiCode: 'no_organization' }, {}, 'The owner of this API key is not a member of any OpenAI organization'],
		[{ status: 401, openAiCode: 'mismatched_project', openAiMessage: 'OpenAI-Project header should match project for API key' }, { apiKey: userKey, path: '/models', projectId: 'proj_Other' }, 'The API key does not belong to project proj_Other'],
		[{ status: 401, openAiCode: 'invalid_project', openAiMessage: 'No such project: proj_Gone in organization org-A.' }, { apiKey: userKey, path: '/models', projectId: 'proj_Gone' }, 'Project proj_Gone does not exist in this organization, or it is archived'],
		[{ status: 401, openAiMessage: 'You have insufficient permissions for this operation. Missing scopes: api.management.read.' }, { apiKey: userKey }, 'This operation needs an OpenAI Admin API key'],
		[{ status: 401, openAiMessage: 'You have insufficient permissions for this operation. Missing scopes: model.request.' }, { path: '/chat/completions' }, 'Chat and models need a project or user API key, not an Admin key'],
		[{ status: 400, openAiCode: 'project_archived', openAiMessage: "Project 'proj_1' is archived." }, { subject: 'project proj_1' }, 'Project proj_1 is archived, and archived projects cannot be changed'],
		[{ status: 400, openAiMessage: 'Cannot update the default project.' }, {}, 'The Default project cannot be renamed or archived'],
		[{ status: 404 }, { subject: 'project proj_9' }, 'Project proj_9 was not found in this organization'],
		[{ status: 429, openAiCode: 'insufficient_quota', openAiType: 'insufficient_quota' }, { organizationId: 'org-A' }, 'The organization org-A has run out of OpenAI credit'],
		[{ status: 429, openAiCode: 'rate_limit_exceeded', retries: 3 }, {}, "OpenAI's rate limit was reached after 3 retries"],
		[{ status: 503, retries: 1 }, {}, 'OpenAI had a server error (HTTP 503) after 1 retry'],
		[{ connectionCode: 'ECONNREFUSED', retries: 2 }, {}, 'Could not reach OpenAI at https://api.openai.com/v1 after 2 retries'],
		[{ status: 200, malformedBody: true }, {}, 'OpenAI answered with something that is not valid JSON'],
	])('explains %j in plain words', (failed, change, message) => {
		expect(describeOpenAiError(failure(failed), context(change)).message).toBe(message);
	});

	it('builds a NodeApiError that keeps no full key and can be read back', () => {
		const error = buildOpenAiApiError(
			node,
			failure({ status: 400, openAiCode: 'project_archived', openAiMessage: `leaked ${adminKey}` }),
			context(),
			3,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('400');
		expect(error.context.itemIndex).toBe(3);
		expect(JSON.stringify({ ...error, message: error.message, description: error.description })).not.toContain(adminKey);
		expect(error.description).toContain('OpenAI says: leaked sk-...ABCD');
		expect(openAiErrorFacts(error)).toEqual({ status: 400, errorCode: 'project_archived' });
	});

	it("lays the description out for n8n's error panel: each fact on its own line, text escaped", () => {
		const error = buildOpenAiApiError(
			node,
			failure({ status: 401, openAiCode: 'invalid_api_key', openAiMessage: 'Incorrect API key <provided>', requestId: 'req_123' }),
			context(),
		);
		// The panel renders HTML: a plain "\n" collapses, so every line must end in <br>.
		const lines = (error.description ?? '').split('<br>\n');
		expect(lines[1]).toBe('');
		expect(lines).toEqual(
			expect.arrayContaining([
				'HTTP status: 401',
				'OpenAI says: Incorrect API key &lt;provided&gt; (code: invalid_api_key)',
				'Request ID: req_123',
				expect.stringMatching(/^Organization: /),
				expect.stringMatching(/^API key: sk-\.\.\.\w{4} \(\w+ key\)$/),
			]),
		);
		expect(error.description).not.toMatch(/[^>]\n/);
	});

	it('keeps its own message for connection failures instead of n8n\'s generic one', () => {
		const error = buildOpenAiApiError(node, failure({ connectionCode: 'ECONNRESET', retries: 3 }), context());
		expect(error.message).toBe('Could not reach OpenAI at https://api.openai.com/v1 after 3 retries');
	});
});
