/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- test code: runs in Node, never inside n8n; reads N8N_REQUIRE_INSTALLED and tells why an example is skipped */
import { isN8nInstalled, loadWorkflow, runWorkflow } from '../../harness';
import type { WorkflowJson } from '../../harness';
import { ADMIN_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer, SeedProject } from '../../openai-server';
import { vaultContents } from '../../openai-server/vaultControl';
import { serveTestServer } from '../testServer';
import { expectNoFullKeyIn, goneLive } from '../workflowHelpers';

const DAY = 86_400;
const FILE = 'examples/service-account-rotate-key.json';
const RETIRE = 'Retire the old accounts (Dry Run)';
const STORE = 'Store the new key in the vault';
// IF, Set, Split Out and HTTP Request are n8n's own nodes, which only the pinned n8n provides.
const canRunBaseNodes = isN8nInstalled() || process.env.N8N_REQUIRE_INSTALLED !== undefined;
if (!canRunBaseNodes) console.warn('Skipping the key-rotation example: the pinned n8n is not installed (run scripts/install-n8n.sh).');
const maybe = canRunBaseNodes ? it : it.skip;

describe('The example "Rotate a service account\'s key"', () => {
	let server: OpenAiTestServer;
	const now = Math.floor(Date.now() / 1000);
	const seeded: SeedProject[] = [
		{ name: 'Payments', created_at: now - 200 * DAY, activity: { usage: ['completions'], keys: [{ lastUsedDaysAgo: 1, serviceAccount: true, name: 'deploy' }, { lastUsedDaysAgo: 3, name: 'someone' }] } },
		{ name: 'Search', created_at: now - 100 * DAY, activity: { usage: [], keys: [{ lastUsedDaysAgo: 2, serviceAccount: true, name: 'ranker' }] } },
	];
	const credentials = () => ({ oaiAdminKey00001: { apiKey: ADMIN_KEY_ACME, baseUrl: server.url } });
	serveTestServer({ projects: seeded }, (started) => (server = started));

	/** The example with its vault placeholder pointed at the test server's stand-in vault (as the demo does). */
	function withVault(workflow: WorkflowJson, storeUrl = `${origin()}/__control/vault`): WorkflowJson {
		return {
			...workflow,
			nodes: workflow.nodes.map((node) => {
				if (node.type !== 'n8n-nodes-base.httpRequest') return node;
				return { ...node, parameters: { ...node.parameters, url: node.name === STORE ? storeUrl : `${origin()}/__control/vault` } };
			}),
		};
	}

	const origin = () => new URL(server.url).origin;
	const live = () => withVault(goneLive(loadWorkflow(FILE), RETIRE));
	const held = () => vaultContents(server.state)!;
	/** The accounts of the vault's project with that name (other projects may have accounts of the same name). */
	const accountsNamed = (name: string) =>
		server.state.serviceAccounts.filter((account) => account.name === name && account.projectId === held().projectId);
	/** Service-account keys of the project that still authenticate, by their account. */
	const liveKeysOf = (name: string) =>
		server.state.projects
			.flatMap((project) => project.activity.keys)
			.filter((key) => key.owner.type === 'service_account' && accountsNamed(name).some((account) => account.id === key.owner.id));
	async function works(key: string | undefined): Promise<boolean> {
		const answer = await fetch(`${server.url}/models`, { headers: { Authorization: `Bearer ${key}` } });
		return answer.status === 200;
	}

	/** Exactly one live key for the account's name, and it is the one the vault holds; the old one no longer works. */
	async function expectOneLiveKeyInTheVault(name: string, oldAccountId: string) {
		const accounts = accountsNamed(name);
		expect(accounts.map((account) => account.id)).toEqual([held().serviceAccountId]);
		expect(liveKeysOf(name).map((key) => key.id)).toEqual([held().apiKeyId]);
		expect(held().serviceAccountId).not.toBe(oldAccountId);
		expect(await works(held().apiKey)).toBe(true);
	}

	maybe('ships in Dry Run: its first click creates, stores and retires nothing, and its plan says what a live run would do', async () => {
		const before = held();
		const result = await runWorkflow(withVault(loadWorkflow(FILE)), { credentials: credentials() });
		expect(result.error).toBeUndefined();
		const plan = result.nodes[RETIRE].items;
		expect(plan).toHaveLength(1);
		expect(plan[0]).toMatchObject({ dryRun: true, id: before.serviceAccountId });
		expect(plan[0].plan).toMatch(/^Would delete service account ".+" \(svc_acct_\w+\) in project proj_\w+: a new account ".+" with a new key, stored in the vault first, takes its place$/);
		expect(result.nodes['Create the new account and key']).toBeUndefined();
		expect(server.requests.filter((request) => request.method !== 'GET')).toEqual([]);
		expect(held()).toEqual(before);
	});

	maybe('live: a new account and key, stored in the vault, then the old account retired; the key appears only in its one field', async () => {
		const old = held();
		const name = server.state.serviceAccounts.find((account) => account.id === old.serviceAccountId)!.name;
		const oldKey = liveKeysOf(name)[0];
		const result = await runWorkflow(live(), { credentials: credentials() });
		expect(result.error).toBeUndefined();
		await expectOneLiveKeyInTheVault(name, old.serviceAccountId);
		expect(oldKey.id).not.toBe(held().apiKeyId);
		expect(result.nodes[STORE].items[0]).toMatchObject({ stored: true, serviceAccountId: held().serviceAccountId });
		expect(result.nodes[RETIRE].items.map((item) => [item.id, item.deleted])).toEqual([[old.serviceAccountId, true]]);
		// The one-time key: in the create's output field, and nowhere else the run shows.
		expect(result.nodes['Create the new account and key'].items[0].apiKeyShownOnce).toBe(held().apiKey);
		const rest = { ...result.nodes['Create the new account and key'].items[0] };
		delete rest.apiKeyShownOnce;
		const elsewhere = JSON.stringify({ ...result.nodes, 'Create the new account and key': rest });
		expect(elsewhere).not.toContain(held().apiKey);
		expectNoFullKeyIn(result);
	});

	maybe('a rerun after the vault refused the key (new account made, key never stored) leaves one live key, the vault\'s, and keeps the account the vault held until then', async () => {
		const old = held();
		const name = server.state.serviceAccounts.find((account) => account.id === old.serviceAccountId)!.name;
		const interrupted = await runWorkflow(withVault(live(), `${origin()}/__control/vault-is-down`), { credentials: credentials() });
		expect(interrupted.error?.message).toMatch(/The vault did not confirm that it stored the new key: no account was retired/);
		expect(accountsNamed(name)).toHaveLength(2); // the old one, still in use, and the one whose key was lost
		expect(held()).toEqual(old);
		expect(interrupted.nodes[RETIRE]).toBeUndefined();

		const rerun = await runWorkflow(live(), { credentials: credentials() });
		expect(rerun.error).toBeUndefined();
		await expectOneLiveKeyInTheVault(name, old.serviceAccountId);
		// The account whose key was lost was retired with the old one, after the vault stored the newest.
		expect(rerun.nodes[RETIRE].items).toHaveLength(2);
		expectNoFullKeyIn(interrupted, rerun);
	});

	maybe('a rerun after the retire failed (new key already in the vault) creates nothing and retires only the old account', async () => {
		const old = held();
		const name = server.state.serviceAccounts.find((account) => account.id === old.serviceAccountId)!.name;
		server.faults.add({ kind: 'server_error', status: 500, method: 'DELETE', path: /\/service_accounts\//, times: 10 });
		const interrupted = await runWorkflow(live(), { credentials: credentials() });
		server.faults.clear();
		expect(interrupted.error).toBeDefined();
		const stored = held();
		expect(stored.serviceAccountId).not.toBe(old.serviceAccountId);
		expect(accountsNamed(name)).toHaveLength(2);

		server.clearRequests();
		const rerun = await runWorkflow(live(), { credentials: credentials() });
		expect(rerun.error).toBeUndefined();
		expect(rerun.nodes['Create the new account and key']).toBeUndefined();
		expect(server.requests.filter((request) => request.method === 'POST')).toEqual([]);
		expect(held()).toEqual(stored);
		expect(rerun.nodes[RETIRE].items.map((item) => item.id)).toEqual([old.serviceAccountId]);
		await expectOneLiveKeyInTheVault(name, old.serviceAccountId);
		expect(held().serviceAccountId).toBe(stored.serviceAccountId);
		expectNoFullKeyIn(interrupted, rerun);
	});
});
