/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- test code: runs in Node, never inside n8n; reads N8N_REQUIRE_INSTALLED and tells why the example is skipped */
import { isN8nInstalled, loadWorkflow, runWorkflow } from '../../harness';
import type { OpenAiTestServer } from '../../openai-server';
import { ADMIN_KEY_ACME } from '../../openai-server';
import { expectRequestsMatchContract, fixNodeClock, reportServerOptions, requestsTo, unixSeconds } from '../costs/support';
import { serveTestServer } from '../testServer';

const EXAMPLE = 'examples/daily-usage-by-model-and-project.json';
// The example sorts with n8n's own Sort node, which only the pinned n8n install provides.
const canRun = isN8nInstalled() || process.env.N8N_REQUIRE_INSTALLED !== undefined;
if (!canRun) console.warn(`Skipping ${EXAMPLE}: the pinned n8n is not installed (run scripts/install-n8n.sh).`);

describe(`The example workflow ${EXAMPLE}`, () => {
	let server: OpenAiTestServer;
	fixNodeClock();
	serveTestServer(reportServerOptions(), (started) => (server = started));

	(canRun ? it : it.skip)("lists yesterday's completions usage per project and model, by project and most tokens first", async () => {
		const result = await runWorkflow(loadWorkflow(EXAMPLE), {
			credentials: { oaiAdminKey00001: { apiKey: ADMIN_KEY_ACME, baseUrl: server.url } },
		});

		expect(result.error).toBeUndefined();
		const usage = result.nodes["Yesterday's usage by model"].items;
		const sorted = result.nodes['By project, most tokens first'].items;
		expect(sorted.length).toBeGreaterThan(1);
		expect(sorted).toHaveLength(usage.length);
		for (const item of sorted) {
			expect(item).toEqual(expect.objectContaining({ date: '2026-03-17', model: expect.any(String), projectName: expect.any(String) }));
		}
		for (let index = 1; index < sorted.length; index++) {
			const [before, after] = [sorted[index - 1], sorted[index]];
			const order = String(before.projectName).localeCompare(String(after.projectName));
			expect(order <= 0).toBe(true);
			if (order === 0) expect(Number(before.inputTokens)).toBeGreaterThanOrEqual(Number(after.inputTokens));
		}

		const [request] = requestsTo(server, '/v1/organization/usage/completions');
		expect(request.query).toMatchObject({
			start_time: unixSeconds('2026-03-17T00:00:00Z'),
			end_time: unixSeconds('2026-03-18T00:00:00Z'),
			'group_by[]': ['project_id', 'model'],
		});
		expectRequestsMatchContract(server);
	});
});
