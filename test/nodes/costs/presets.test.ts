import type { OpenAiTestServer } from '../../openai-server';
import {
	COSTS_PATH,
	USAGE_PATH,
	expectRequestsMatchContract,
	fixNodeClock,
	requestsTo,
	runReport,
	reportServerOptions,
	unixSeconds,
} from './support';
import { serveTestServer } from '../testServer';

// The clock stands at 2026-03-18T15:30:00Z.
const PRESETS = [
	{ preset: 'yesterday', start: '2026-03-17T00:00:00Z', end: '2026-03-18T00:00:00Z', days: 1 },
	{ preset: 'last7Days', start: '2026-03-11T00:00:00Z', end: '2026-03-18T00:00:00Z', days: 7 },
	{ preset: 'last30Days', start: '2026-02-16T00:00:00Z', end: '2026-03-18T00:00:00Z', days: 30 },
	{ preset: 'thisMonth', start: '2026-03-01T00:00:00Z', end: '2026-03-19T00:00:00Z', days: 18 },
	{ preset: 'lastMonth', start: '2026-02-01T00:00:00Z', end: '2026-03-01T00:00:00Z', days: 28 },
];

describe('Cost and usage time range presets, with the clock at 2026-03-18 15:30 UTC', () => {
	let server: OpenAiTestServer;
	fixNodeClock();

	serveTestServer(reportServerOptions(), (started) => (server = started));

	it.each(PRESETS)('asks OpenAI for the costs of $preset as whole UTC days from $start to $end', async ({ preset, start, end, days }) => {
		const items = await runReport(server, { resource: 'cost', operation: 'getAll', timeRange: preset });

		const [request] = requestsTo(server, COSTS_PATH);
		expect(requestsTo(server, COSTS_PATH)).toHaveLength(1);
		expect(request.query).toEqual(
			expect.objectContaining({
				start_time: unixSeconds(start),
				end_time: unixSeconds(end),
				bucket_width: '1d',
				limit: '180',
				'group_by[]': 'project_id',
			}),
		);
		const dates = new Set(items.map((item) => item.date));
		expect(dates.size).toBeGreaterThan(0);
		expect(dates.size).toBeLessThanOrEqual(days);
		for (const item of items) {
			expect(String(item.date) >= start.slice(0, 10) && String(item.date) < end.slice(0, 10)).toBe(true);
		}
		expectRequestsMatchContract(server);
	});

	it.each(PRESETS)('asks OpenAI for the completions usage of $preset from $start to $end', async ({ preset, start, end }) => {
		await runReport(server, { resource: 'usage', operation: 'getAll', timeRange: preset, bucketWidth: 'day' });

		const requests = requestsTo(server, USAGE_PATH);
		expect(requests[0].query).toEqual(
			expect.objectContaining({
				start_time: unixSeconds(start),
				end_time: unixSeconds(end),
				bucket_width: '1d',
				limit: '31',
			}),
		);
		expectRequestsMatchContract(server);
	});

	it('widens a custom range to whole UTC days for costs, which OpenAI only counts by the day', async () => {
		await runReport(server, {
			resource: 'cost',
			operation: 'getAll',
			timeRange: 'custom',
			startDate: '2026-03-02T10:15:00',
			endDate: '2026-03-04T06:00:00Z',
		});
		const [request] = requestsTo(server, COSTS_PATH);
		expect(request.query.start_time).toBe(unixSeconds('2026-03-02T00:00:00Z'));
		expect(request.query.end_time).toBe(unixSeconds('2026-03-05T00:00:00Z'));
	});

	it('reads a custom date that names a time zone in that zone, and one without a zone as UTC', async () => {
		await runReport(server, {
			resource: 'usage',
			operation: 'getAll',
			timeRange: 'custom',
			bucketWidth: 'hour',
			startDate: '2026-03-10T08:00:00+02:00',
			endDate: '2026-03-10T12:00:00',
		});
		const [request] = requestsTo(server, USAGE_PATH);
		expect(request.query).toEqual(
			expect.objectContaining({
				start_time: unixSeconds('2026-03-10T06:00:00Z'),
				end_time: unixSeconds('2026-03-10T12:00:00Z'),
				bucket_width: '1h',
				limit: '168',
			}),
		);
	});
});
