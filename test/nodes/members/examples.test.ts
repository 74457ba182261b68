/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- test code: runs in Node, never inside n8n; reads N8N_REQUIRE_INSTALLED and tells why an example is skipped */
import { isN8nInstalled, loadWorkflow, runWorkflow } from '../../harness';
import { ADMIN_KEY_ACME, CASEY_EMAIL, USER_CASEY_LEAVING } from '../../openai-server';
import type { OpenAiTestServer, SeedProject } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { expectNoFullKeyIn, goneLive } from '../workflowHelpers';
import { changes } from './support';

const DAY = 86_400;
// Set, Limit and the triggers are n8n's own nodes, which only the pinned n8n provides.
const canRunBaseNodes = isN8nInstalled() || process.env.N8N_REQUIRE_INSTALLED !== undefined;
if (!canRunBaseNodes) console.warn('Skipping the member examples: the pinned n8n is not installed (run scripts/install-n8n.sh).');
const maybe = canRunBaseNodes ? it : it.skip;

describe('The example workflows for members and keys', () => {
	let server: OpenAiTestServer;
	const now = Math.floor(Date.now() / 1000);
	const seeded: SeedProject[] = [
		{
			name: 'Old keys',
			created_at: now - 400 * DAY,
			activity: {
				usage: ['completions'],
				keys: [
					{ lastUsedDaysAgo: 2, name: 'busy' },
					{ lastUsedDaysAgo: 95, name: 'idle robot', serviceAccount: true },
					{ lastUsedDaysAgo: 120, name: 'idle', serviceAccount: false },
					{ lastUsedDaysAgo: null, name: 'never', serviceAccount: false },
				],
			},
		},
		...Array.from({ length: 45 }, (_, index) => ({ name: `Team ${index}`, created_at: now - (10 + index) * DAY })),
	];
	const credentials = () => ({ oaiAdminKey00001: { apiKey: ADMIN_KEY_ACME, baseUrl: server.url } });
	serveTestServer({ projects: seeded }, (started) => (server = started));

	maybe('"Revoke API keys unused for 90 days" lists the user keys idle for 90 days and, in Dry Run, revokes none', async () => {
		const result = await runWorkflow(loadWorkflow('examples/members-revoke-unused-api-keys.json'), { credentials: credentials() });
		expect(result.error).toBeUndefined();
		const wouldRevoke = result.nodes['Revoke them (Dry Run)'].items;
		expect(wouldRevoke.map((item) => item.name).sort()).toEqual(['idle', 'never']);
		expect(wouldRevoke.every((item) => item.dryRun === true && item.wouldDelete === true && item.ownerType === 'user')).toBe(true);
		expect(wouldRevoke.map((item) => item.plan).sort()).toEqual([
			expect.stringMatching(/^Would delete API key "idle" \(key_\w+\) in project proj_\w+: not used since \d{4}-\d{2}-\d{2}$/),
			expect.stringMatching(/^Would delete API key "never" \(key_\w+\) in project proj_\w+: never used$/),
		]);
		expect(changes(server)).toEqual([]);
		expectNoFullKeyIn(result);
	});

	maybe('"Offboard a person from every project" ships in Dry Run: its first click removes nobody and puts out a plan per membership', async () => {
		const memberships = server.state.projectUsers.filter((member) => member.userId === USER_CASEY_LEAVING);
		const result = await runWorkflow(loadWorkflow('examples/members-offboard-person-from-every-project.json'), { credentials: credentials() });
		expect(result.error).toBeUndefined();
		const plan = result.nodes['Remove them (Dry Run)'].items;
		expect(plan.map((item) => item.plan).sort()).toEqual(
			memberships
				.map((member) => `Would remove user "${CASEY_EMAIL}" (${USER_CASEY_LEAVING}) in project ${member.projectId}: ${CASEY_EMAIL} is leaving the company`)
				.sort(),
		);
		expect(changes(server)).toEqual([]);
	});

	maybe('"Offboard a person from every project", taken live as its note says, removes them from each project they are in, and a second run finds nothing', async () => {
		const memberships = () => server.state.projectUsers.filter((member) => member.userId === USER_CASEY_LEAVING).map((member) => member.projectId);
		const before = memberships();
		expect(before.length).toBeGreaterThanOrEqual(3);
		const workflow = goneLive(loadWorkflow('examples/members-offboard-person-from-every-project.json'), 'Remove them (Dry Run)');
		const result = await runWorkflow(workflow, { credentials: credentials() });
		expect(result.error).toBeUndefined();
		expect(result.nodes['Their membership'].items.every((item) => item.email === CASEY_EMAIL)).toBe(true);
		expect(result.nodes['Remove them (Dry Run)'].items.map((item) => item.projectId).sort()).toEqual([...before].sort());
		expect(memberships()).toEqual([]);
		// Every membership was checked before the first removal.
		const firstDelete = server.requests.findIndex((request) => request.method === 'DELETE');
		expect(server.requests.slice(firstDelete).every((request) => request.method === 'DELETE' || request.path.endsWith('/users'))).toBe(true);

		const again = await runWorkflow(workflow, { credentials: credentials() });
		expect(again.error).toBeUndefined();
		expect(again.nodes['Their membership'].items).toEqual([]);
		expect(again.nodes['Remove them (Dry Run)']).toBeUndefined();
	});
});
