/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- test code: runs in Node, never inside n8n; reads N8N_REQUIRE_INSTALLED and tells why the example is skipped */
import { isN8nInstalled, loadWorkflow, runWorkflow } from '../../harness';
import type { OpenAiTestServer } from '../../openai-server';
import { PROJECT_KEY_ACME } from '../../openai-server';
import { auditStore } from '../../openai-server/auditLogData';
import { serveTestServer } from '../testServer';

const EXAMPLE = 'examples/nightly-batch-summaries-posted.json';
// The example uses n8n's own Edit Fields, Split Out and HTTP Request nodes, which only the pinned n8n install provides.
const canRun = isN8nInstalled() || process.env.N8N_REQUIRE_INSTALLED !== undefined;
if (!canRun) console.warn(`Skipping ${EXAMPLE}: the pinned n8n is not installed (run scripts/install-n8n.sh).`);

describe(`The example workflow ${EXAMPLE}`, () => {
	let server: OpenAiTestServer;
	serveTestServer({}, (started) => (server = started));

	(canRun ? it : it.skip)("sends yesterday's tickets as one batch and posts one summary per ticket, in the tickets' order", async () => {
		const example = loadWorkflow(EXAMPLE);
		const channel = `${new URL(server.url).origin}/__control/channel`;
		const workflow = {
			...example,
			nodes: example.nodes.map((node) =>
				node.type === 'n8n-nodes-base.httpRequest' ? { ...node, parameters: { ...node.parameters, url: channel } } : node,
			),
		};
		const credentialId = Object.values(example.nodes.find((node) => node.credentials)?.credentials ?? {})[0]?.id ?? '';
		const result = await runWorkflow(workflow, {
			credentials: { [credentialId]: { apiKey: PROJECT_KEY_ACME, organizationId: '', projectId: '', baseUrl: server.url } },
		});

		expect(result.error).toBeUndefined();
		expect(result.finished).toBe(true);
		expect(server.state.batches).toHaveLength(1);
		const posted = auditStore(server.state, Math.floor(Date.now() / 1000)).channel as Array<{ text: string; ticketId: string; batchId: string }>;
		expect(posted.map((message) => message.ticketId)).toEqual(['T-1041', 'T-1042', 'T-1043']);
		// Yesterday in the workflow's time zone.
		expect(posted[0].text).toMatch(/^Ticket T-1041 \(\d{4}-\d{2}-\d{2}\): Echo \(gpt-4o-mini\): The export to CSV drops every row after the 1,000th\.$/);
		expect(new Set(posted.map((message) => message.batchId))).toEqual(new Set([server.state.batches[0].id]));
	});
});
