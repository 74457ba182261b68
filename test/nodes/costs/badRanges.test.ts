import type { OpenAiTestServer } from '../../openai-server';
import { nodeResult, runNode } from '../workflowHelpers';
import { admin, fixNodeClock, reportServerOptions } from './support';
import { serveTestServer } from '../testServer';

// The clock stands at 2026-03-18T15:30:00Z.
const BAD_RANGES = [
	{
		case: 'an end before the start',
		parameters: { resource: 'cost', timeRange: 'custom', startDate: '2026-03-10', endDate: '2026-03-09' },
		message: /^"End" \(2026-03-09T00:00:00\.000Z\) must be later than "Start"/,
	},
	{
		case: 'an end equal to the start',
		parameters: { resource: 'usage', timeRange: 'custom', startDate: '2026-03-10', endDate: '2026-03-10T00:00:00Z' },
		message: /^"End" .* must be later than "Start"/,
	},
	{
		case: 'a start in the future',
		parameters: { resource: 'cost', timeRange: 'custom', startDate: '2026-03-18T16:00:00Z', endDate: '2026-03-25' },
		message: /^"Start" \(2026-03-18T16:00:00\.000Z\) is in the future/,
	},
	{
		case: 'a start that is not a date',
		parameters: { resource: 'cost', timeRange: 'custom', startDate: 'last tuesday', endDate: '2026-03-12' },
		message: /^"Start" is not a date: "last tuesday"/,
	},
	{
		case: 'an end that is not a date',
		parameters: { resource: 'usage', timeRange: 'custom', startDate: '2026-03-01', endDate: '2026-02-30' },
		message: /^"End" is not a date: "2026-02-30"/,
	},
	{
		// n8n refuses an empty required field before the run; an expression can still give an empty value.
		case: 'a custom range whose end expression gives nothing',
		parameters: { resource: 'cost', timeRange: 'custom', startDate: '2026-03-01', endDate: '={{ "" }}' },
		message: /^"End" is empty/,
	},
	{
		case: 'hourly usage over the last 30 days, more than the 168 hours OpenAI serves',
		parameters: { resource: 'usage', timeRange: 'last30Days', bucketWidth: 'hour' },
		message: /^The time range covers 720 hours, more than OpenAI serves for hourly usage \(168 hours\)/,
	},
	{
		case: 'hourly usage over a custom 8 days',
		parameters: { resource: 'usage', timeRange: 'custom', bucketWidth: 'hour', startDate: '2026-03-01', endDate: '2026-03-09' },
		message: /^The time range covers 192 hours/,
	},
	{
		case: 'a project filter that holds something other than project IDs',
		parameters: { resource: 'cost', timeRange: 'yesterday', projectIds: 'proj_abc, Support Bot' },
		message: /^"Project Names or IDs" holds "Support Bot", which is not a project ID/,
	},
];

describe('Bad cost and usage ranges, with the clock at 2026-03-18 15:30 UTC', () => {
	let server: OpenAiTestServer;
	fixNodeClock();

	serveTestServer(reportServerOptions(), (started) => (server = started));

	it.each(BAD_RANGES)('refuses $case with an error naming the field, before any request', async ({ parameters, message }) => {
		const result = await runNode(server, { parameters: { operation: 'getAll', ...parameters }, credential: admin });

		const error = nodeResult(result).error;
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(server.requests).toHaveLength(0);
	});

	it('accepts hourly usage over exactly 168 hours', async () => {
		const result = await runNode(server, {
			parameters: { resource: 'usage', operation: 'getAll', timeRange: 'last7Days', bucketWidth: 'hour' },
			credential: admin,
		});
		expect(nodeResult(result).error).toBeUndefined();
		expect(server.requests.length).toBeGreaterThan(0);
	});

	it('with "Continue" on, turns a bad range into an error item and still sends nothing', async () => {
		const result = await runNode(server, {
			parameters: { resource: 'cost', operation: 'getAll', timeRange: 'custom', startDate: '2026-03-10', endDate: '2026-03-01' },
			credential: admin,
			continueOnFail: true,
		});
		expect(nodeResult(result).items).toEqual([
			expect.objectContaining({ error: expect.stringMatching(/^"End" .* must be later than "Start"/) }),
		]);
		expect(server.requests).toHaveLength(0);
	});
});
