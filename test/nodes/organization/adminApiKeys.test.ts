import { ADMIN_KEY_ACME, ADMIN_KEY_ACME_CI_ID, ADMIN_KEY_ACME_ID, ADMIN_KEY_GLOBEX, ORG_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { expectNoFullKeyIn, nodeResult } from '../workflowHelpers';
import { byIdFromInput, outputOf, requestsTo, runOrganization } from './support';

const LIST_PATH = '/v1/organization/admin_api_keys';
const NEW_KEY = /^sk-admin-[A-Za-z0-9]{48}$/;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('OpenAI Organization: Admin API Key', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 3, seed: 31 }, (started) => (server = started));

	const acmeKeys = () => server.state.adminApiKeys.filter((key) => key.organizationId === ORG_ACME);
	const listWith = async (key: string) => (await fetch(`${server.url}/organization/admin_api_keys`, { headers: { authorization: `Bearer ${key}` } })).status;
	const changes = () => server.requests.filter((request) => request.method !== 'GET');

	it('Get Many lists the organization\'s Admin keys redacted, with their owner; Get reads one', async () => {
		const all = await outputOf(server, { resource: 'adminApiKey', operation: 'getAll', returnAll: true });
		expect(all.map((item) => item.id)).toEqual([ADMIN_KEY_ACME_ID, ADMIN_KEY_ACME_CI_ID]);
		expect(all[0]).toMatchObject({ name: 'Main admin key', ownerName: 'Ada Owner', redacted_value: `sk-admin...${ADMIN_KEY_ACME.slice(-3)}`, createdAtIso: expect.stringMatching(/Z$/) });
		expect(await outputOf(server, { resource: 'adminApiKey', operation: 'getAll', limit: 1 })).toHaveLength(1);
		const [one] = await outputOf(server, { resource: 'adminApiKey', operation: 'get', adminApiKeyId: byId(ADMIN_KEY_ACME_CI_ID) });
		expect(one).toMatchObject({ id: ADMIN_KEY_ACME_CI_ID, name: 'CI admin key' });
		const missing = nodeResult(await runOrganization(server, { resource: 'adminApiKey', operation: 'get', adminApiKeyId: byId('key_doesNotExist0001') }));
		expect(missing.error?.message).toMatch(/admin API key key_doesNotExist0001/i);
	});

	it('Create shows the new key once, in apiKeyShownOnce only, with its expiry; the key works at once', async () => {
		const result = await runOrganization(server, { resource: 'adminApiKey', operation: 'create', name: ' Terraform ', options: { expiresInDays: 30 } });
		const [item] = nodeResult(result).items;
		expect(item).toMatchObject({ object: 'organization.admin_api_key', name: 'Terraform', apiKeyShownOnce: expect.stringMatching(NEW_KEY), apiKeyId: item.id });
		expect(item.expires_at).toBe(Number(item.created_at) + 30 * 86_400);
		expect(item).not.toHaveProperty('value');
		const secret = String(item.apiKeyShownOnce);
		const elsewhere = JSON.stringify({ ...item, apiKeyShownOnce: undefined });
		expect(elsewhere).not.toContain(secret);
		expect(requestsTo(server, 'POST', LIST_PATH)[0].body).toEqual({ name: 'Terraform', expires_in_seconds: 30 * 86_400 });
		expect(await listWith(secret)).toBe(200);
		expectNoFullKeyIn(result);
	});

	it('Create is never sent twice when its answer is lost, and says where to look', async () => {
		server.faults.add({ kind: 'reset_after', method: 'POST', path: LIST_PATH, times: 1 });
		const lost = nodeResult(await runOrganization(server, { resource: 'adminApiKey', operation: 'create', name: 'lost' }));
		expect(lost.error?.message).toMatch(/the Admin key "lost" may have been created anyway$/);
		expect(lost.error?.description).toContain('It was not sent again');
		expect(requestsTo(server, 'POST', LIST_PATH)).toHaveLength(1);
		expect(acmeKeys().filter((key) => key.name === 'lost')).toHaveLength(1);
		expect(JSON.stringify(lost)).not.toMatch(/sk-admin-[A-Za-z0-9]{20}/);

		server.clearRequests();
		server.faults.add({ kind: 'server_error', status: 503, method: 'POST', path: LIST_PATH, times: 1 });
		const failed = nodeResult(await runOrganization(server, { resource: 'adminApiKey', operation: 'create', name: 'maybe' }));
		expect(failed.error?.message).toMatch(/may have been created anyway$/);
		expect(requestsTo(server, 'POST', LIST_PATH)).toHaveLength(1);
	});

	it('Create is retried after a 429, which OpenAI refused before acting: one key, shown once', async () => {
		server.faults.add({ kind: 'rate_limit', retryAfterMs: 10, method: 'POST', path: LIST_PATH, times: 1 });
		const [item] = await outputOf(server, { resource: 'adminApiKey', operation: 'create', name: 'after 429' });
		expect(item.apiKeyShownOnce).toMatch(NEW_KEY);
		expect(requestsTo(server, 'POST', LIST_PATH)).toHaveLength(2);
		expect(acmeKeys().filter((key) => key.name === 'after 429')).toHaveLength(1);
	});

	it('bad input is refused before any request: an empty name, an expiry beyond a year', async () => {
		const empty = nodeResult(await runOrganization(server, { resource: 'adminApiKey', operation: 'create', name: '  ' }));
		expect(empty.error?.message).toBe('"Name" is empty: an Admin key needs a name');
		const long = nodeResult(await runOrganization(server, { resource: 'adminApiKey', operation: 'create', name: 'x', options: { expiresInDays: 400 } }));
		expect(long.error?.message).toBe('"Expires In (Days)" must be a whole number from 1 to 365, not 400');
		expect(server.requests).toEqual([]);
	});

	it('Delete: Dry Run plans and deletes nothing; a live delete ends the key; the key is gone from the list', async () => {
		const [created] = await outputOf(server, { resource: 'adminApiKey', operation: 'create', name: 'short-lived' });
		const secret = String(created.apiKeyShownOnce);
		server.clearRequests();
		const remove = { resource: 'adminApiKey', operation: 'delete', adminApiKeyId: byIdFromInput };

		const [plan] = await outputOf(server, { ...remove, dryRun: true, reason: 'rotated' }, { inputItems: [{ id: created.id }] });
		expect(plan).toMatchObject({ id: created.id, dryRun: true, wouldDelete: true });
		expect(plan.plan).toBe(`Would delete admin API key "short-lived" (${String(created.id)}, ${String(created.redacted_value)}): rotated`);
		expect(changes()).toEqual([]);
		expect(await listWith(secret)).toBe(200);

		const [done] = await outputOf(server, remove, { inputItems: [{ id: created.id }] });
		expect(done).toMatchObject({ id: created.id, deleted: true, object: 'organization.admin_api_key.deleted' });
		expect(await listWith(secret)).toBe(401);
		expect(acmeKeys().map((key) => key.id)).toEqual([ADMIN_KEY_ACME_ID, ADMIN_KEY_ACME_CI_ID]);
	});

	it('Delete refuses the key this credential uses, before any request changes anything, and never shows the key', async () => {
		const result = await runOrganization(server, { resource: 'adminApiKey', operation: 'delete', adminApiKeyId: byIdFromInput }, {
			inputItems: [{ id: ADMIN_KEY_ACME_CI_ID }, { id: ADMIN_KEY_ACME_ID }],
		});
		const node = nodeResult(result);
		expect(node.error?.message).toBe(`Admin API key "Main admin key" (${ADMIN_KEY_ACME_ID}, sk-admin...${ADMIN_KEY_ACME.slice(-3)}) is the key this credential uses; nothing was deleted`);
		expect(node.error?.description).toContain('Create a new Admin key, put it into the credential');
		// Every item is checked first: the CI key (first item) was not deleted either.
		expect(changes()).toEqual([]);
		expect(acmeKeys()).toHaveLength(2);
		expectNoFullKeyIn(result);
	});

	it('Delete refuses the organization\'s last Admin key, even one this credential does not use', async () => {
		// As if the credential's key were not in the list (OpenAI lists only Admin keys): the CI key is then the last one.
		server.state.adminApiKeys = server.state.adminApiKeys.filter((key) => key.id !== ADMIN_KEY_ACME_ID);
		const last = nodeResult(await runOrganization(server, { resource: 'adminApiKey', operation: 'delete', adminApiKeyId: byId(ADMIN_KEY_ACME_CI_ID) }));
		expect(last.error?.message).toBe(`Admin API key "CI admin key" (${ADMIN_KEY_ACME_CI_ID}, sk-admin...q7x) is the organization's last Admin key; nothing was deleted`);
		expect(last.error?.description).toContain('Create another one first');
		expect(changes()).toEqual([]);
		expect(acmeKeys().map((key) => key.id)).toEqual([ADMIN_KEY_ACME_CI_ID]);
	});

	it('a run whose credential is the only other key may delete the old one, but then not its own', async () => {
		const [created] = await outputOf(server, { resource: 'adminApiKey', operation: 'create', name: 'replacement' }, { credential: { apiKey: ADMIN_KEY_GLOBEX } });
		const replacement = { apiKey: String(created.apiKeyShownOnce) };
		const globexKey = server.state.adminApiKeys.find((key) => key.name === 'Globex admin key')!.id;
		await outputOf(server, { resource: 'adminApiKey', operation: 'delete', adminApiKeyId: byId(globexKey) }, { credential: replacement });
		server.clearRequests();
		const own = nodeResult(await runOrganization(server, { resource: 'adminApiKey', operation: 'delete', adminApiKeyId: byId(String(created.id)) }, { credential: replacement }));
		expect(own.error?.message).toMatch(/nothing was deleted$/);
		expect(changes()).toEqual([]);
	});
});
