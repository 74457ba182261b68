/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { startOpenAiTestServer, type OpenAiTestServer } from '..';
import { parseCliOptions } from '../cliOptions';
import { stateDigest } from '../stateDigest';

let server: OpenAiTestServer;
let vault: string;
beforeAll(async () => {
	server = await startOpenAiTestServer({ projects: 3, serviceAccount: 'Deploy bot' });
	vault = server.url.replace(/\/v1$/, '/__control/vault');
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const send = async (method: string, body?: unknown) => {
	const response = await fetch(vault, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: await response.json() };
};

test('--service-account seeds a service account of that name, with one key, in the first active Acme project, and the vault holds its key', async () => {
	expect(parseCliOptions(['--service-account', 'Deploy bot'])).toMatchObject({ serviceAccount: 'Deploy bot' });
	const account = server.state.serviceAccounts.find((candidate) => candidate.name === 'Deploy bot');
	expect(account).toBeDefined();
	const { status, body } = await send('GET');
	expect(status).toBe(200);
	expect(body).toEqual({ projectId: account!.projectId, serviceAccountId: account!.id, apiKeyId: expect.stringMatching(/^key_/), version: 1 });
});

test('the vault stores a key and says which it holds, never the key itself; a reset empties it; the organization is untouched', async () => {
	const digest = stateDigest(server.state).digest;
	const stored = await send('POST', { projectId: 'proj_a', serviceAccountId: 'svc_acct_b', apiKeyId: 'key_c', apiKey: 'sk-svcacct-secret' });
	expect(stored).toEqual({ status: 200, body: { stored: true, projectId: 'proj_a', serviceAccountId: 'svc_acct_b', apiKeyId: 'key_c', version: 2 } });
	expect((await send('GET')).body).toEqual({ projectId: 'proj_a', serviceAccountId: 'svc_acct_b', apiKeyId: 'key_c', version: 2 });
	expect(JSON.stringify(server.requests)).not.toContain('sk-svcacct-secret');
	expect(stateDigest(server.state).digest).toBe(digest);
	expect((await send('POST', { projectId: 'proj_a' })).status).toBe(400);

	server.reset();
	expect((await send('GET')).body.serviceAccountId).not.toBe('svc_acct_b');
});
