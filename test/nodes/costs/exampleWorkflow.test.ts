/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- test code: runs in Node, never inside n8n; reads N8N_REQUIRE_INSTALLED and tells why the example is skipped */
import { isN8nInstalled, loadWorkflow, runWorkflow } from '../../harness';
import type { OpenAiTestServer } from '../../openai-server';
import { ADMIN_KEY_ACME } from '../../openai-server';
import { COSTS_PATH, expectRequestsMatchContract, fixNodeClock, requestsTo, reportServerOptions, unixSeconds } from './support';
import { serveTestServer } from '../testServer';

const EXAMPLE = 'examples/weekly-cost-per-project.json';
// The example sorts with n8n's own Sort node, which only the pinned n8n install provides.
const canRun = isN8nInstalled() || process.env.N8N_REQUIRE_INSTALLED !== undefined;
if (!canRun) console.warn(`Skipping ${EXAMPLE}: the pinned n8n is not installed (run scripts/install-n8n.sh).`);

describe(`The example workflow ${EXAMPLE}`, () => {
	let server: OpenAiTestServer;
	fixNodeClock();

	serveTestServer(reportServerOptions(), (started) => (server = started));

	(canRun ? it : it.skip)('lists last week\'s total per project, most expensive first', async () => {
		const result = await runWorkflow(loadWorkflow(EXAMPLE), {
			credentials: { oaiAdminKey00001: { apiKey: ADMIN_KEY_ACME, baseUrl: server.url } },
		});

		expect(result.error).toBeUndefined();
		expect(result.finished).toBe(true);
		const totals = result.nodes['Costs of the last 7 days'].items;
		const sorted = result.nodes['Most expensive first'].items;
		expect(sorted.length).toBeGreaterThan(1);
		expect(sorted).toHaveLength(totals.length);
		const amounts = sorted.map((item) => Number(item.totalAmount));
		expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
		expect(new Set(sorted.map((item) => item.projectId))).toEqual(new Set(totals.map((item) => item.projectId)));
		for (const item of sorted) {
			expect(item).toEqual(expect.objectContaining({ startDate: '2026-03-11', endDate: '2026-03-17', currency: 'usd' }));
		}

		const [request] = requestsTo(server, COSTS_PATH);
		expect(request.query.start_time).toBe(unixSeconds('2026-03-11T00:00:00Z'));
		expect(request.query.end_time).toBe(unixSeconds('2026-03-18T00:00:00Z'));
		expectRequestsMatchContract(server);
	});
});
