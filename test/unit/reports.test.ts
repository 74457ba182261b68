import { DateTime } from 'luxon';

import { summarizeCostsPerProject, toCostItems } from '../../nodes/shared/resources/costReport';
import type { Project } from '../../nodes/shared/resources/projects';
import type { TimeBucket } from '../../nodes/shared/resources/report';
import { USAGE_KINDS } from '../../nodes/shared/resources/usageKinds';
import { toUsageItems } from '../../nodes/shared/resources/usageReport';

const completions = USAGE_KINDS[0];

const DAY = 86_400;
const MARCH_1 = Date.UTC(2026, 2, 1) / 1000;

const project = (id: string, name: string): Project => ({
	id,
	object: 'organization.project',
	name,
	created_at: 0,
	archived_at: null,
	status: 'active',
});
const directory = new Map([
	['proj_a', project('proj_a', 'Support Bot')],
	['proj_b', project('proj_b', 'Old Pilot')],
]);

const costBuckets: TimeBucket[] = [
	{
		start_time: MARCH_1,
		end_time: MARCH_1 + DAY,
		results: [
			{ object: 'organization.costs.result', amount: { value: 1.25, currency: 'usd' }, project_id: 'proj_a', line_item: 'gpt-4o, input' },
			{ object: 'organization.costs.result', amount: { value: 0.5, currency: 'usd' }, project_id: 'proj_gone', line_item: null },
		],
	},
	{
		start_time: MARCH_1 + DAY,
		end_time: MARCH_1 + 2 * DAY,
		results: [{ object: 'organization.costs.result', amount: { value: 2, currency: 'usd' }, project_id: 'proj_a', line_item: 'gpt-4o, output' }],
	},
];

describe('cost report', () => {
	test('one item per day and project, named from the directory (null when the project is unknown)', () => {
		expect(toCostItems({ buckets: costBuckets, directory }, false)).toEqual([
			{ date: '2026-03-01', startTime: '2026-03-01T00:00:00.000Z', endTime: '2026-03-02T00:00:00.000Z', projectId: 'proj_a', projectName: 'Support Bot', amount: 1.25, currency: 'usd' },
			{ date: '2026-03-01', startTime: '2026-03-01T00:00:00.000Z', endTime: '2026-03-02T00:00:00.000Z', projectId: 'proj_gone', projectName: null, amount: 0.5, currency: 'usd' },
			{ date: '2026-03-02', startTime: '2026-03-02T00:00:00.000Z', endTime: '2026-03-03T00:00:00.000Z', projectId: 'proj_a', projectName: 'Support Bot', amount: 2, currency: 'usd' },
		]);
	});

	test('with line items, each item says which', () => {
		expect(toCostItems({ buckets: costBuckets, directory }, true).map((item) => item.lineItem)).toEqual([
			'gpt-4o, input',
			null,
			'gpt-4o, output',
		]);
	});

	test('a summary per project adds up its days over the whole range', () => {
		const items = toCostItems({ buckets: costBuckets, directory }, false);
		const range = { start: DateTime.fromSeconds(MARCH_1, { zone: 'utc' }), end: DateTime.fromSeconds(MARCH_1 + 7 * DAY, { zone: 'utc' }) };
		expect(summarizeCostsPerProject(items, range)).toEqual([
			{ projectId: 'proj_a', projectName: 'Support Bot', totalAmount: 3.25, totalAmountExact: 3.25, currency: 'usd', days: 2, startDate: '2026-03-01', endDate: '2026-03-07' },
			{ projectId: 'proj_gone', projectName: null, totalAmount: 0.5, totalAmountExact: 0.5, currency: 'usd', days: 1, startDate: '2026-03-01', endDate: '2026-03-07' },
		]);
	});
});

describe('usage report', () => {
	const usageBuckets: TimeBucket[] = [
		{
			start_time: MARCH_1 + 5 * 3600,
			end_time: MARCH_1 + 6 * 3600,
			results: [
				{ input_tokens: 100, output_tokens: 20, input_cached_tokens: 10, num_model_requests: 2, project_id: 'proj_b', model: 'gpt-4o-mini' },
				{ input_tokens: 'many', project_id: null, model: null },
			],
		},
	];

	test('one item per bucket and project, counts as numbers', () => {
		expect(toUsageItems({ buckets: usageBuckets, directory }, { kind: completions, byModel: false, bucketSeconds: DAY, groupBy: [] })).toEqual([
			{ date: '2026-03-01', startTime: '2026-03-01T05:00:00.000Z', endTime: '2026-03-01T06:00:00.000Z', projectId: 'proj_b', projectName: 'Old Pilot', inputTokens: 100, outputTokens: 20, inputCachedTokens: 10, requests: 2 },
			{ date: '2026-03-01', startTime: '2026-03-01T05:00:00.000Z', endTime: '2026-03-01T06:00:00.000Z', projectId: null, projectName: null, inputTokens: 0, outputTokens: 0, inputCachedTokens: 0, requests: 0 },
		]);
	});

	test('hourly buckets carry the UTC hour, and a split by model the model', () => {
		const [item] = toUsageItems({ buckets: usageBuckets, directory }, { kind: completions, byModel: true, bucketSeconds: 3_600, groupBy: [] });
		expect(item).toEqual(expect.objectContaining({ hour: 5, model: 'gpt-4o-mini' }));
	});
});
