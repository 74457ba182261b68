/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- test code: runs in Node, never inside n8n; reads N8N_REQUIRE_INSTALLED and tells why the example is skipped */
import { isN8nInstalled, loadWorkflow, pollTrigger, runWorkflow } from '../../harness';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { admin, append, clock, serverOptions, useClock } from '../audit/support';
import { auditStore } from '../../openai-server/auditLogData';

const EXAMPLE = 'examples/audit-trigger-post-new-api-key-and-member-events.json';
// The example ends at n8n's own HTTP Request node, which only the pinned n8n install provides; n8n-workflow needs
// every node type of a workflow, so even polling its trigger needs it.
const canRun = isN8nInstalled() || process.env.N8N_REQUIRE_INSTALLED !== undefined;
if (!canRun) console.warn(`Skipping ${EXAMPLE}: the pinned n8n is not installed (run scripts/install-n8n.sh).`);

describe('Example "Post new API-key and member events to a channel": its trigger', () => {
	let server: OpenAiTestServer;
	useClock();
	serveTestServer(serverOptions(), (started) => (server = started));

	(canRun ? it : it.skip)('emits the new API-key and member events only, once, after an activation that emits nothing', async () => {
		const workflow = loadWorkflow(EXAMPLE);
		const credentialId = Object.values(workflow.nodes[0].credentials ?? {})[0]?.id ?? '';
		const credentials = { [credentialId]: { apiKey: admin.apiKey, organizationId: '', baseUrl: server.url } };

		const activation = await pollTrigger(workflow, { credentials });
		expect(activation.error).toBeUndefined();
		expect(activation.items).toEqual([]);

		clock.advance(60);
		const appended = append(server, [
			{ type: 'api_key.created' },
			{ type: 'login.succeeded' },
			{ type: 'invite.sent' },
			{ type: 'project.created' },
			{ type: 'user.deleted' },
		]);
		clock.advance(60);
		const next = await pollTrigger(workflow, { credentials, staticData: activation.staticData });
		const watched = appended.filter((event) => ['api_key.created', 'invite.sent', 'user.deleted'].includes(event.type));
		expect(next.items.map((item) => item.id)).toEqual(watched.map((event) => event.id));

		clock.advance(60);
		expect((await pollTrigger(workflow, { credentials, staticData: next.staticData })).items).toEqual([]);
	});

	if (!canRun) {
		test.skip('its HTTP Request node posts each event to the channel (run scripts/install-n8n.sh)', () => {});
	} else {
		it('its HTTP Request node posts each event to the channel as a Slack message', async () => {
			const example = loadWorkflow(EXAMPLE);
			const post = example.nodes.find((node) => node.type === 'n8n-nodes-base.httpRequest')!;
			const workflow = {
				nodes: [
					{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} },
					{ ...post, parameters: { ...post.parameters, url: `${new URL(server.url).origin}/__control/channel` } },
				],
				connections: { Start: { main: [[{ node: post.name, type: 'main' as const, index: 0 }]] } },
			};
			const event = { id: 'audit_log-abc', type: 'api_key.created', actorEmail: 'grace@example.com', projectName: 'Support Bot', effectiveAt: '2026-11-23T12:00:00.000Z', resourceId: 'key_abc' };
			const result = await runWorkflow(workflow, { inputItems: [event] });
			expect(result.error).toBeUndefined();
			expect(auditStore(server.state, clock.seconds()).channel).toEqual([
				{ text: 'OpenAI: api_key.created by grace@example.com in project Support Bot at 2026-11-23T12:00:00.000Z', eventId: 'audit_log-abc', eventType: 'api_key.created', resourceId: 'key_abc' },
			]);
		});
	}
});
