/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	ADMIN_KEY_ACME,
	ADMIN_KEY_GLOBEX,
	DEFAULT_PROJECT_ACME,
	PROJECT_GLOBEX_ARCHIVED,
	startOpenAiTestServer,
	type OpenAiTestServer,
} from '..';
import { validateRequest } from '../../contract/openapi';
import { call, expectError } from './client';

const DAY = 86_400;
const NOW = Date.UTC(2026, 10, 1, 12);
const TODAY = Date.UTC(2026, 10, 1) / 1000;
let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer({ projects: 12, costsDays: 30, now: () => NOW });
});
afterAll(() => server.close());

type Bucket = {
	start_time: number;
	end_time: number;
	results: Array<Record<string, unknown> & { amount?: { value: number } }>;
};
const costs = (query: Record<string, string | string[]>, key = ADMIN_KEY_ACME) =>
	call(server, 'GET', '/organization/costs', { key, query });
const usage = (query: Record<string, string | string[]>) =>
	call(server, 'GET', '/organization/usage/completions', { key: ADMIN_KEY_ACME, query });
const total = (bucket: Bucket) =>
	Math.round(bucket.results.reduce((sum, result) => sum + (result.amount?.value ?? 0), 0) * 1e6);

describe('costs', () => {
	test('start_time is required', async () => {
		expectError(
			await costs({}),
			400,
			'missing_required_parameter',
			"Missing required parameter: 'start_time'.",
		);
	});

	test('day buckets start at UTC midnight, 7 to a page by default, with next_page', async () => {
		const query = { start_time: String(TODAY - 9 * DAY + 300) };
		expect(validateRequest('GET', '/organization/costs', query, undefined)).toEqual([]);
		const { body } = await costs(query);
		expect(body.object).toBe('page');
		expect(body.data.map((bucket: Bucket) => bucket.start_time)).toEqual(
			Array.from({ length: 7 }, (_, i) => TODAY - 9 * DAY + i * DAY),
		);
		expect(body.data[0].end_time).toBe(body.data[0].start_time + DAY);
		expect(body.has_more).toBe(true);
		expect(typeof body.next_page).toBe('string');
	});

	test('following next_page through page reaches the last bucket exactly once', async () => {
		const starts: number[] = [];
		let page: string | undefined;
		for (let i = 0; i < 10; i++) {
			const { body } = await costs({
				start_time: String(TODAY - 20 * DAY),
				limit: '6',
				...(page ? { page } : {}),
			});
			starts.push(...body.data.map((bucket: Bucket) => bucket.start_time));
			if (!body.has_more) {
				expect(body.next_page).toBeNull();
				break;
			}
			page = body.next_page;
		}
		expect(starts).toEqual(Array.from({ length: 21 }, (_, i) => TODAY - 20 * DAY + i * DAY));
	});

	test('grouping by project splits the same total the ungrouped answer gives', async () => {
		const start = String(TODAY - 5 * DAY);
		const plain = await costs({ start_time: start });
		const grouped = await costs({ start_time: start, 'group_by[]': 'project_id' });
		expect(grouped.body.data.map(total)).toEqual(plain.body.data.map(total));
		expect(plain.body.data[0].results).toHaveLength(1);
		expect(plain.body.data[0].results[0]).toEqual(
			expect.objectContaining({
				object: 'organization.costs.result',
				project_id: null,
				amount: { value: expect.any(Number), currency: 'usd' },
			}),
		);
		expect(
			new Set(
				grouped.body.data.flatMap((bucket: Bucket) =>
					bucket.results.map((result) => result.project_id),
				),
			).size,
		).toBeGreaterThan(3);
	});

	test('group_by[]=x and group_by=x are the same request', async () => {
		const start = String(TODAY - 3 * DAY);
		const brackets = await costs({ start_time: start, 'group_by[]': ['project_id', 'line_item'] });
		const repeated = await costs({ start_time: start, group_by: ['project_id', 'line_item'] });
		expect(repeated.body).toEqual(brackets.body);
		expect(brackets.body.data[0].results[0].line_item).toMatch(/^[\w.-]+, (input|output)$/);
	});

	test('project_ids keeps only the projects asked for', async () => {
		const { body } = await costs({
			start_time: String(TODAY - 6 * DAY),
			'project_ids[]': DEFAULT_PROJECT_ACME,
			'group_by[]': 'project_id',
		});
		const projects = new Set(
			body.data.flatMap((bucket: Bucket) => bucket.results.map((result) => result.project_id)),
		);
		expect([...projects]).toEqual([DEFAULT_PROJECT_ACME]);
	});

	test('archived projects keep the costs of the days before they were archived, and have none after', async () => {
		const longer = await startOpenAiTestServer({ projects: 0, costsDays: 120, now: () => NOW });
		try {
			const archivedDay = TODAY - 100 * DAY;
			const { body } = await call(longer, 'GET', '/organization/costs', {
				key: ADMIN_KEY_GLOBEX,
				query: { start_time: String(TODAY - 119 * DAY), limit: '120', 'group_by[]': 'project_id' },
			});
			const daysBilled = body.data
				.filter((bucket: Bucket) =>
					bucket.results.some((result) => result.project_id === PROJECT_GLOBEX_ARCHIVED),
				)
				.map((bucket: Bucket) => bucket.start_time);
			expect(daysBilled.length).toBeGreaterThan(5);
			expect(Math.max(...daysBilled)).toBe(archivedDay);
		} finally {
			await longer.close();
		}
	});

	test('days older than costsDays have no data', async () => {
		const { body } = await costs({
			start_time: String(TODAY - 40 * DAY),
			end_time: String(TODAY - 35 * DAY),
		});
		expect(body.data).toHaveLength(5);
		expect(body.data.every((bucket: Bucket) => bucket.results.length === 0)).toBe(true);
	});

	test.each([
		[{ limit: '181' }, 'limit'],
		[{ limit: '0' }, 'limit'],
		[{ bucket_width: '1h' }, 'bucket_width'],
		[{ 'group_by[]': 'model' }, 'group_by'],
		[{ page: 'page_bogus' }, 'page'],
	])('%j is refused with 400 on param %s', async (extra, param) => {
		const result = await costs({ start_time: String(TODAY - DAY), ...extra });
		expect(result.status).toBe(400);
		expect(result.body.error.param).toBe(param);
	});
});

describe('completions usage', () => {
	test('24 hourly buckets add up to the daily bucket', async () => {
		const day = await usage({ start_time: String(TODAY - 2 * DAY), limit: '1', group_by: 'model' });
		const hours = await usage({
			start_time: String(TODAY - 2 * DAY),
			bucket_width: '1h',
			limit: '24',
			group_by: 'model',
		});
		expect(hours.body.data).toHaveLength(24);
		const sum = (buckets: Bucket[]) =>
			buckets
				.flatMap((bucket) => bucket.results)
				.reduce(
					(acc, result) => acc + (result.input_tokens as number) + (result.output_tokens as number),
					0,
				);
		expect(sum(hours.body.data)).toBe(sum(day.body.data));
		expect(sum(day.body.data)).toBeGreaterThan(0);
	});

	test('results are organization.usage.completions.result with the grouped dimension filled in', async () => {
		const { body } = await usage({
			start_time: String(TODAY - 3 * DAY),
			'group_by[]': ['project_id', 'model'],
		});
		const result = body.data.flatMap((bucket: Bucket) => bucket.results)[0];
		expect(result).toEqual(
			expect.objectContaining({
				object: 'organization.usage.completions.result',
				project_id: expect.stringMatching(/^proj_/),
				model: expect.any(String),
				user_id: null,
				num_model_requests: expect.any(Number),
			}),
		);
	});

	test('minute buckets page by 60 by default', async () => {
		const { body } = await usage({ start_time: String(TODAY - DAY), bucket_width: '1m' });
		expect(body.data).toHaveLength(60);
		expect(body.data[1].start_time - body.data[0].start_time).toBe(60);
		expect(body.has_more).toBe(true);
	});

	test.each([
		[{ bucket_width: '1h', limit: '169' }, 'limit'],
		[{ bucket_width: '1w' }, 'bucket_width'],
		[{ group_by: 'line_item' }, 'group_by'],
	])('%j is refused with 400 on param %s', async (extra, param) => {
		const result = await usage({ start_time: String(TODAY - DAY), ...extra });
		expect(result.status).toBe(400);
		expect(result.body.error.param).toBe(param);
	});
});
