import { ADMIN_KEY_ACME, DEFAULT_PROJECT_ACME, PROJECT_GLOBEX_ARCHIVED, ADMIN_KEY_GLOBEX } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { expectNoFullKeyIn, nodeResult, runNode } from '../workflowHelpers';
import { activeProjects, byId, changes } from './support';

const admin = { apiKey: ADMIN_KEY_ACME };
const SECRET = /^sk-svcacct-[A-Za-z0-9]{48}$/;

describe('OpenAI Projects: Service Account', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 20, seed: 11 }, (started) => (server = started));

	const run = async (parameters: Record<string, unknown>, options: { inputItems?: Array<Record<string, unknown>>; continueOnFail?: boolean; apiKey?: string } = {}) =>
		await runNode(server, {
			parameters: { resource: 'serviceAccount', ...parameters },
			credential: { apiKey: options.apiKey ?? admin.apiKey },
			inputItems: options.inputItems,
			continueOnFail: options.continueOnFail,
		});
	const accountsOf = (projectId: string) => server.state.serviceAccounts.filter((account) => account.projectId === projectId);
	const models = async (key: string) => (await fetch(`${server.url}/models`, { headers: { authorization: `Bearer ${key}` } })).status;

	it('Create puts the new key out once, under apiKeyShownOnce, and the key works', async () => {
		const project = activeProjects(server)[0];
		const result = await run({ operation: 'create', projectId: byId(project.id), name: ' CI deploy bot ' });
		const [item] = nodeResult(result).items;
		expect(item).toEqual(
			expect.objectContaining({
				object: 'organization.project.service_account',
				name: 'CI deploy bot',
				role: 'member',
				projectId: project.id,
				apiKeyShownOnce: expect.stringMatching(SECRET),
				apiKeyId: expect.stringMatching(/^key_/),
			}),
		);
		expect(item).not.toHaveProperty('api_key');
		const secret = String(item.apiKeyShownOnce);
		// The value appears in the item exactly once, and nowhere in what the server recorded or the logs.
		expect(JSON.stringify(item).split(secret)).toHaveLength(2);
		expect(JSON.stringify(server.requests)).not.toContain(secret);
		expect(result.logs.join('\n')).not.toContain(secret);
		expect(server.requests[0]).toEqual(
			expect.objectContaining({ method: 'POST', path: `/v1/organization/projects/${project.id}/service_accounts`, body: { name: 'CI deploy bot' } }),
		);
		expect(await models(secret)).toBe(200);
		expectNoFullKeyIn(result);
	});

	it('Create without API key sends create_service_account_only and puts out no secret field', async () => {
		const result = await run({ operation: 'create', projectId: byId(DEFAULT_PROJECT_ACME), name: 'bare', options: { withoutApiKey: true } });
		expect(server.requests[0].body).toEqual({ name: 'bare', create_service_account_only: true });
		expect(nodeResult(result).items[0]).toEqual(expect.objectContaining({ role: 'none' }));
		expect(nodeResult(result).items[0]).not.toHaveProperty('apiKeyShownOnce');
	});

	it('Create is never sent twice when a server error may have created the account', async () => {
		const project = activeProjects(server)[0];
		server.faults.add({ kind: 'server_error', status: 502, method: 'POST', path: `/v1/organization/projects/${project.id}/service_accounts`, times: 1 });
		const result = await run({ operation: 'create', projectId: byId(project.id), name: 'maybe' });
		expect(nodeResult(result).error?.message).toBe('OpenAI had a server error (HTTP 502); the service account "maybe" may have been created anyway');
		expect(nodeResult(result).error?.description).toContain('It was not sent again');
		expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});

	it('Create after a lost answer (connection cut after OpenAI acted) is not repeated and shows no key', async () => {
		const project = activeProjects(server)[0];
		server.faults.add({ kind: 'reset_after', method: 'POST', path: `/v1/organization/projects/${project.id}/service_accounts`, times: 1 });
		const result = await run({ operation: 'create', projectId: byId(project.id), name: 'lost' });
		expect(nodeResult(result).error?.message).toMatch(/may have been created anyway$/);
		expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(accountsOf(project.id).filter((account) => account.name === 'lost')).toHaveLength(1);
		expect(JSON.stringify(result)).not.toMatch(/sk-svcacct-[A-Za-z0-9]{20}/);
	});

	it('Create is retried after a 429, which OpenAI refused before acting', async () => {
		const project = activeProjects(server)[0];
		server.faults.add({ kind: 'rate_limit', retryAfterMs: 10, method: 'POST', path: `/v1/organization/projects/${project.id}/service_accounts`, times: 1 });
		const result = await run({ operation: 'create', projectId: byId(project.id), name: 'after 429' });
		expect(nodeResult(result).items[0].apiKeyShownOnce).toMatch(SECRET);
		expect(accountsOf(project.id).filter((account) => account.name === 'after 429')).toHaveLength(1);
	});

	it('Create API Key gives an account (here one made without a key) a key, shown once; Get and Get Many list accounts', async () => {
		const project = activeProjects(server)[1];
		await run({ operation: 'create', projectId: byId(project.id), name: 'keyless', options: { withoutApiKey: true } });
		const account = accountsOf(project.id).find((candidate) => candidate.name === 'keyless')!;
		server.clearRequests();
		const created = await run({ operation: 'createKey', projectId: byId(project.id), serviceAccountId: byId(account.id), keyName: 'rotation' });
		const [item] = nodeResult(created).items;
		expect(item).toEqual(
			expect.objectContaining({ projectId: project.id, serviceAccountId: account.id, apiKeyName: 'rotation', apiKeyShownOnce: expect.stringMatching(SECRET) }),
		);
		expect(server.requests[0].body).toEqual({ name: 'rotation' });
		expect(await models(String(item.apiKeyShownOnce))).toBe(200);

		const got = await run({ operation: 'get', projectId: byId(project.id), serviceAccountId: byId(account.id) });
		expect(nodeResult(got).items[0]).toEqual(expect.objectContaining({ id: account.id, createdAtIso: expect.stringMatching(/Z$/) }));
		const listed = await run({ operation: 'getAll', projectId: byId(project.id), limit: 1 });
		expect(nodeResult(listed).items).toHaveLength(1);
	});

	it('Delete checks every account first, Dry Run deletes nothing, and a deleted account\'s keys stop working', async () => {
		const project = activeProjects(server)[0];
		const created = nodeResult(await run({ operation: 'create', projectId: byId(project.id), name: 'short-lived' })).items[0];
		const secret = String(created.apiKeyShownOnce);
		server.clearRequests();
		const remove = { operation: 'delete', projectId: byId(project.id), serviceAccountId: byId('={{ $json.id }}') };

		const dry = await run({ ...remove, dryRun: true }, { inputItems: [{ id: created.id }] });
		expect(nodeResult(dry).items[0]).toEqual(expect.objectContaining({ id: created.id, dryRun: true, wouldDelete: true }));
		const missing = await run(remove, { inputItems: [{ id: created.id }, { id: 'svc_acct_doesNotExist0001' }] });
		expect(nodeResult(missing).error?.message).toBe(`Service account svc_acct_doesNotExist0001 in project ${project.id} was not found in this organization`);
		expect(changes(server)).toEqual([]);
		expect(await models(secret)).toBe(200);

		const done = await run(remove, { inputItems: [{ id: created.id }] });
		expect(nodeResult(done).items[0]).toEqual(expect.objectContaining({ id: created.id, deleted: true }));
		expect(await models(secret)).toBe(401);
	});

	it('errors of Create API Key and Get are in plain words, each paired with its item under Continue On Fail', async () => {
		const project = activeProjects(server)[0];
		const result = await run(
			{ operation: 'createKey', projectId: byId(project.id), serviceAccountId: byId('={{ $json.id }}') },
			{ continueOnFail: true, inputItems: [{ id: 'svc_acct_gone0000000001' }, { id: 'svc_acct_gone0000000002' }] },
		);
		const outputs = nodeResult(result).outputs[0];
		expect(outputs.map((item) => [item.pairedItem, item.json.error, item.json.httpCode])).toEqual([
			[{ item: 0 }, `Service account svc_acct_gone0000000001 in project ${project.id} was not found in this organization`, '404'],
			[{ item: 1 }, `Service account svc_acct_gone0000000002 in project ${project.id} was not found in this organization`, '404'],
		]);
		expect(String(outputs[0].json.description)).toContain("OpenAI says: No service account found with id 'svc_acct_gone0000000001'. (code: not_found)");
	});

	it('bad input is refused before any request', async () => {
		for (const [parameters, message] of [
			[{ operation: 'create', projectId: byId(DEFAULT_PROJECT_ACME), name: '={{ "  " }}' }, '"Name" is empty'],
			[{ operation: 'get', projectId: byId(DEFAULT_PROJECT_ACME), serviceAccountId: byId('={{ "key_abc" }}') }, '"Service Account" must be a service account ID'],
		] as Array<[Record<string, unknown>, string]>) {
			expect(nodeResult(await run(parameters)).error?.message).toContain(message);
		}
		expect(server.requests).toEqual([]);
	});

	it('an archived project has no service accounts: plain words, and Continue On Fail pairs the error item', async () => {
		const result = await run(
			{ operation: 'getAll', projectId: byId('={{ $json.id }}'), returnAll: true },
			{ apiKey: ADMIN_KEY_GLOBEX, continueOnFail: true, inputItems: [{ id: PROJECT_GLOBEX_ARCHIVED }] },
		);
		const [item] = nodeResult(result).outputs[0];
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json.error).toBe(`Project ${PROJECT_GLOBEX_ARCHIVED} is archived, and archived projects cannot be changed`);
	});
});
