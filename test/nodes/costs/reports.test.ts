import type { OpenAiTestServer } from '../../openai-server';
import {
	COSTS_PATH,
	DAY_SECONDS,
	PROJECTS_PATH,
	USAGE_PATH,
	expectRequestsMatchContract,
	fixNodeClock,
	requestsTo,
	runReport,
	reportServerOptions,
	unixSeconds,
} from './support';
import { serveTestServer } from '../testServer';

const lastWeekCosts = { resource: 'cost', operation: 'getAll', timeRange: 'last7Days' };

describe('OpenAI Projects: Get Costs and Get Completions Usage', () => {
	let server: OpenAiTestServer;
	fixNodeClock();

	serveTestServer(reportServerOptions(), (started) => (server = started));

	const projectNamed = (name: string) => server.state.projects.find((project) => project.name === name)!;

	it('gives one item per day and project with its date, times, project, amount and currency', async () => {
		const items = await runReport(server, lastWeekCosts);

		expect(items.length).toBeGreaterThan(0);
		for (const item of items) {
			expect(Object.keys(item).sort()).toEqual(
				['amount', 'currency', 'date', 'endTime', 'projectId', 'projectName', 'startTime'].sort(),
			);
			expect(item.startTime).toBe(`${String(item.date)}T00:00:00.000Z`);
			expect(Date.parse(String(item.endTime)) - Date.parse(String(item.startTime))).toBe(DAY_SECONDS * 1000);
			expect(typeof item.amount).toBe('number');
			expect(item.currency).toBe('usd');
		}
		const keys = items.map((item) => `${String(item.date)} ${String(item.projectId)}`);
		expect(new Set(keys).size).toBe(items.length);
	});

	it('names every project from the full project list, archived projects included, read once per run', async () => {
		const items = await runReport(server, { ...lastWeekCosts, timeRange: 'last30Days' });

		for (const item of items) {
			const project = server.state.projects.find((candidate) => candidate.id === item.projectId);
			expect(item.projectName).toBe(project?.name);
		}
		const archived = projectNamed('Old Pilot');
		expect(archived.archivedAt).not.toBeNull();
		expect(items.filter((item) => item.projectId === archived.id).length).toBeGreaterThan(0);
		expect(items.find((item) => item.projectId === archived.id)?.projectName).toBe('Old Pilot');

		const listRequests = requestsTo(server, PROJECTS_PATH);
		expect(listRequests).toHaveLength(1);
		expect(listRequests[0].query.include_archived).toBe('true');
		expectRequestsMatchContract(server);
	});

	it('follows next_page across several pages of 180 days, asking for the next page until has_more is false', async () => {
		const items = await runReport(server, {
			resource: 'cost',
			operation: 'getAll',
			timeRange: 'custom',
			startDate: '2025-01-01',
			endDate: '2026-03-18',
		});

		const requests = requestsTo(server, COSTS_PATH);
		// 441 days: 180 + 180 + 81.
		expect(requests).toHaveLength(3);
		expect(requests.map((request) => request.query.page)).toEqual([undefined, expect.any(String), expect.any(String)]);
		expect(new Set(requests.map((request) => request.query.page)).size).toBe(3);
		for (const request of requests) {
			expect(request.query.start_time).toBe(unixSeconds('2025-01-01T00:00:00Z'));
			expect(request.query.limit).toBe('180');
		}
		// The server holds 90 days of costs; all of them sit on the last page.
		const dates = [...new Set(items.map((item) => String(item.date)))].sort();
		expect(dates[0] >= '2025-12-18').toBe(true);
		expect(dates[dates.length - 1]).toBe('2026-03-17');
		expectRequestsMatchContract(server);
	});

	it('follows next_page for daily usage in pages of 31 days', async () => {
		await runReport(server, {
			resource: 'usage',
			operation: 'getAll',
			timeRange: 'custom',
			startDate: '2026-01-01',
			endDate: '2026-03-12',
		});
		// 70 days: 31 + 31 + 8.
		expect(requestsTo(server, USAGE_PATH)).toHaveLength(3);
		expectRequestsMatchContract(server);
	});

	it('summarizes per project with totals equal to the sum of the daily items and the number of days with costs', async () => {
		const raw = await runReport(server, { ...lastWeekCosts, timeRange: 'last30Days' });
		const summary = await runReport(server, { ...lastWeekCosts, timeRange: 'last30Days', summarizePerProject: true });

		const projectIds = [...new Set(raw.map((item) => item.projectId))];
		expect(summary).toHaveLength(projectIds.length);
		for (const total of summary) {
			const days = raw.filter((item) => item.projectId === total.projectId);
			const exact = days.reduce((sum, item) => sum + Number(item.amount), 0);
			expect(total).toEqual({
				projectId: total.projectId,
				projectName: days[0].projectName,
				totalAmount: Math.round(exact * 100) / 100,
				totalAmountExact: expect.closeTo(exact, 6),
				currency: 'usd',
				days: new Set(days.map((item) => item.date)).size,
				startDate: '2026-02-16',
				endDate: '2026-03-17',
			});
			// No float noise: at most 6 decimals (a millionth of a dollar), the rounded total at most 2.
			expect(String(total.totalAmountExact)).toMatch(/^\d+(\.\d{1,6})?$/);
			expect(String(total.totalAmount)).toMatch(/^\d+(\.\d{1,2})?$/);
		}
	});

	it('splits costs by line item when asked, and sends group_by[] for both fields', async () => {
		const items = await runReport(server, { ...lastWeekCosts, groupByLineItem: true });

		expect(requestsTo(server, COSTS_PATH)[0].query['group_by[]']).toEqual(['project_id', 'line_item']);
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(item.lineItem).toMatch(/^[\w.-]+, (input|output)$/);
		expectRequestsMatchContract(server);
	});

	it('sends the chosen projects as project_ids[] and reports only those', async () => {
		const chosen = [projectNamed('Support Bot').id, projectNamed('Old Pilot').id];
		const items = await runReport(server, { ...lastWeekCosts, projectIds: chosen });

		expect(requestsTo(server, COSTS_PATH)[0].query['project_ids[]']).toEqual(chosen);
		expect(items.length).toBeGreaterThan(0);
		expect(new Set(items.map((item) => item.projectId))).toEqual(new Set(chosen));
		expectRequestsMatchContract(server);
	});

	it('reports the projects picked in "Projects" (from the list or by ID), together with IDs a workflow saved in the older multi-select', async () => {
		const support = projectNamed('Support Bot');
		const pilot = projectNamed('Old Pilot');
		const projectList = { project: [{ project: { __rl: true, mode: 'list', value: support.id, cachedResultName: 'Support Bot' } }, { project: { __rl: true, mode: 'id', value: pilot.id } }] };
		await runReport(server, { ...lastWeekCosts, projectList });
		expect(requestsTo(server, COSTS_PATH)[0].query['project_ids[]']).toEqual([support.id, pilot.id]);

		server.clearRequests();
		await runReport(server, { ...lastWeekCosts, projectList: { project: [{ project: { __rl: true, mode: 'list', value: support.id } }] }, projectIds: [pilot.id] });
		expect(requestsTo(server, COSTS_PATH)[0].query['project_ids[]']).toEqual([support.id, pilot.id]);
		expectRequestsMatchContract(server);
	});

	it('gives usage per day and project with tokens and requests, and per model when asked', async () => {
		const items = await runReport(server, {
			resource: 'usage',
			operation: 'getAll',
			timeRange: 'yesterday',
			groupByModel: true,
		});

		expect(requestsTo(server, USAGE_PATH)[0].query['group_by[]']).toEqual(['project_id', 'model']);
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) {
			expect(item).toEqual({
				date: '2026-03-17',
				startTime: '2026-03-17T00:00:00.000Z',
				endTime: '2026-03-18T00:00:00.000Z',
				projectId: expect.stringMatching(/^proj_/),
				projectName: expect.any(String),
				model: expect.any(String),
				inputTokens: expect.any(Number),
				outputTokens: expect.any(Number),
				inputCachedTokens: expect.any(Number),
				requests: expect.any(Number),
			});
			expect(item.inputCachedTokens as number).toBeLessThanOrEqual(item.inputTokens as number);
		}
		expectRequestsMatchContract(server);
	});

	it('gives hourly usage with the UTC hour of each bucket, whose sum over a day is the daily usage', async () => {
		const hourly = await runReport(server, {
			resource: 'usage',
			operation: 'getAll',
			timeRange: 'yesterday',
			bucketWidth: 'hour',
		});
		const daily = await runReport(server, { resource: 'usage', operation: 'getAll', timeRange: 'yesterday' });

		expect(new Set(hourly.map((item) => item.hour))).toEqual(new Set(Array.from({ length: 24 }, (_, hour) => hour)));
		for (const day of daily) {
			const hours = hourly.filter((item) => item.projectId === day.projectId);
			expect(hours.reduce((sum, item) => sum + Number(item.inputTokens), 0)).toBe(day.inputTokens);
			expect(hours.reduce((sum, item) => sum + Number(item.requests), 0)).toBe(day.requests);
		}
	});
});
