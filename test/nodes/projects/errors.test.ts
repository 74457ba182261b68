import {
	ADMIN_KEY_ACME,
	BAD_KEY,
	ORG_ACME,
	ORG_GLOBEX,
	ORG_UNKNOWN,
	PROJECT_KEY_ACME,
	USER_KEY_MULTI,
	startOpenAiTestServer,
} from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { expectNoFullKeyIn, nodeResult, runNode } from '../workflowHelpers';
import { serveTestServer } from '../testServer';

const listOne = { resource: 'project', operation: 'getAll', returnAll: false, limit: 1 };

describe('OpenAI Projects: errors a user can act on, and retries', () => {
	let server: OpenAiTestServer;

	serveTestServer({ projects: 5 }, (started) => (server = started));

	it('tells a user with a project key that this node needs an Admin key', async () => {
		const result = await runNode(server, { parameters: listOne, credential: { apiKey: PROJECT_KEY_ACME } });
		expect(result.error?.message).toBe('This operation needs an OpenAI Admin API key');
		expect(result.error?.description).toContain('sk-admin-');
		expect(result.error?.description).toContain('Missing scopes: api.management.read');
		expectNoFullKeyIn(result);
	});

	it('says a wrong key is not recognised', async () => {
		const result = await runNode(server, { parameters: listOne, credential: { apiKey: BAD_KEY } });
		expect(result.error?.message).toBe('OpenAI does not recognise this API key');
		expect(result.error?.description).toContain(`API key: sk-...${BAD_KEY.slice(-4)} (user key)`);
		expectNoFullKeyIn(result);
	});

	it('proves that an Admin key does not belong to the organization given, and names the fix', async () => {
		const result = await runNode(server, {
			parameters: listOne,
			credential: { apiKey: ADMIN_KEY_ACME, organizationId: ORG_GLOBEX },
		});
		expect(result.error?.message).toBe(
			`The API key does not belong to organization ${ORG_GLOBEX} (checked: the same key works when no organization is sent)`,
		);
		expect(result.error?.description).toContain('Remove the Organization ID from the credential');
		expect(result.error?.description).toContain(`Organization: ${ORG_GLOBEX} (from the credential)`);
		expect(result.error?.description).toMatch(/Request ID: req_\w+/);
		const [failed, probe] = server.requests;
		expect(failed.headers['openai-organization']).toBe(ORG_GLOBEX);
		expect(probe.headers['openai-organization']).toBeUndefined();
		expectNoFullKeyIn(result);
	});

	it('says an organization that does not exist does not exist', async () => {
		const result = await runNode(server, {
			parameters: listOne,
			credential: { apiKey: ADMIN_KEY_ACME, organizationId: ORG_UNKNOWN },
		});
		expect(result.error?.message).toBe(`Organization ${ORG_UNKNOWN} does not exist or this key cannot see it`);
	});

	it('sends the organization header when the credential names the key\'s own organization', async () => {
		const result = await runNode(server, { parameters: listOne, credential: { apiKey: ADMIN_KEY_ACME, organizationId: ORG_ACME } });
		expect(nodeResult(result).items).toHaveLength(1);
		expect(server.requests[0].headers['openai-organization']).toBe(ORG_ACME);
	});

	it.each([
		[{ organizationId: 'acme' }, 'The Organization ID "acme" is not an organization ID'],
		[{ projectId: 'project-1' }, 'The Project ID "project-1" is not a project ID'],
	])('refuses a malformed credential %j before any request', async (change, message) => {
		// Version 1 with the Organization credential: the Admin credential has no Project ID.
		const result = await runNode(server, { parameters: listOne, typeVersion: 1, credential: { apiKey: USER_KEY_MULTI, ...change } });
		expect(result.error?.message).toContain(message);
		expect(server.requests).toHaveLength(0);
	});

	it('retries server errors and rate limits, honouring Retry-After, until the list succeeds', async () => {
		server.faults.add({ kind: 'server_error', status: 503, times: 1 });
		server.faults.add({ kind: 'rate_limit', retryAfterSeconds: 0, rateLimitHeaders: true, times: 1 });
		server.faults.add({ kind: 'server_error', status: 502, times: 1 });
		const result = await runNode(server, { parameters: listOne, credential: { apiKey: ADMIN_KEY_ACME } });
		expect(nodeResult(result).items).toHaveLength(1);
		expect(server.requests.map((request) => request.status)).toEqual([503, 429, 502, 200]);
	});

	it('retries a dropped connection on a read', async () => {
		server.faults.add({ kind: 'reset_before', times: 1 });
		const result = await runNode(server, { parameters: listOne, credential: { apiKey: ADMIN_KEY_ACME } });
		expect(nodeResult(result).items).toHaveLength(1);
		expect(server.requests).toHaveLength(2);
	});

	it('gives up after "Max Retries" and says how often it tried', async () => {
		server.faults.add({ kind: 'rate_limit', retryAfterMs: 1, times: Infinity });
		const result = await runNode(server, {
			parameters: { ...listOne, requestOptions: { maxRetries: 2 } },
			credential: { apiKey: ADMIN_KEY_ACME },
		});
		expect(result.error?.message).toBe("OpenAI's rate limit was reached after 2 retries");
		expect(server.requests).toHaveLength(3);
	});

	it('never retries an empty quota and says how to fix it', async () => {
		server.faults.add({ kind: 'insufficient_quota', times: Infinity });
		const result = await runNode(server, { parameters: listOne, credential: { apiKey: ADMIN_KEY_ACME } });
		expect(result.error?.message).toBe('The organization of this key has run out of OpenAI credit');
		expect(result.error?.description).toContain('Retrying will not help');
		expect(server.requests).toHaveLength(1);
	});

	it('reports a body that is not JSON after retrying it', async () => {
		server.faults.add({ kind: 'malformed_json', times: Infinity });
		const result = await runNode(server, {
			parameters: { ...listOne, requestOptions: { maxRetries: 1 } },
			credential: { apiKey: ADMIN_KEY_ACME },
		});
		expect(result.error?.message).toBe('OpenAI answered with something that is not valid JSON');
		expect(server.requests).toHaveLength(2);
	});

	it('explains an unreachable base URL', async () => {
		const closed = await startOpenAiTestServer();
		const url = closed.url;
		await closed.close();
		const result = await runNode(
			{ ...server, url } as OpenAiTestServer,
			{ parameters: { ...listOne, requestOptions: { maxRetries: 1 } }, credential: { apiKey: ADMIN_KEY_ACME } },
		);
		expect(result.error?.message).toBe(`Could not reach OpenAI at ${url} after 1 retry`);
		expect(result.error?.description).toContain('ECONNREFUSED');
	});

	it('reports the Admin API\'s per-key limit, which answers 429 without any header, in plain words', async () => {
		const limited = await startOpenAiTestServer({ projects: 250, adminRateLimitPerMinute: 2 });
		try {
			const result = await runNode(limited, {
				parameters: { resource: 'project', operation: 'getAll', returnAll: true, requestOptions: { maxRetries: 0 } },
				credential: { apiKey: ADMIN_KEY_ACME },
			});
			expect(result.error?.message).toBe("OpenAI's rate limit was reached");
			const statuses = limited.requests.map((request) => request.status);
			expect(statuses).toEqual([200, 200, 429]);
		} finally {
			await limited.close();
		}
	});
});
