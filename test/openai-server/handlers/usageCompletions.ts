import { readBucketWindow } from '../buckets';
import { nowSeconds, type Handler } from '../context';
import { groupRows, readGroupBy } from '../grouping';
import { dailyUsage, DAY_SECONDS, share } from '../usageData';
import { ranInBatch, usageRowFilter, usedBy } from '../usageFilters';
import { projectsInScope } from './costs';

const DIMENSIONS = [
	'project_id',
	'user_id',
	'api_key_id',
	'model',
	'batch',
	'service_tier',
] as const;

/** The bucket widths of every usage report, with the contract's default and largest page. */
export const USAGE_WIDTHS = {
	'1m': { seconds: 60, defaultLimit: 60, maxLimit: 1440 },
	'1h': { seconds: 3_600, defaultLimit: 24, maxLimit: 168 },
	'1d': { seconds: DAY_SECONDS, defaultLimit: 7, maxLimit: 31 },
};

type UsageRow = {
	project_id: string | null;
	user_id: string | null;
	api_key_id: string | null;
	model: string | null;
	batch: boolean;
	service_tier: string | null;
	input_tokens: number;
	input_cached_tokens: number;
	output_tokens: number;
	num_model_requests: number;
};

/**
 * GET /organization/usage/completions: the same seeded days as the costs, split evenly into hours and minutes, each
 * model's line used by the key the costs bill it to; the contract's filters narrow the rows (usageFilters.ts).
 */
export const listCompletionsUsage: Handler = (context) => {
	const now = nowSeconds(context.world);
	const window = readBucketWindow(context.query, { widths: USAGE_WIDTHS, nowSeconds: now });
	const groupBy = readGroupBy(context.query, DIMENSIONS);
	const wanted = usageRowFilter(context.query);
	const projects = projectsInScope(context);
	const usageWorld = {
		seed: context.world.seed,
		costsDays: context.world.costsDays,
		nowSeconds: now,
	};

	const data = window.starts.map((start) => {
		const dayStart = Math.floor(start / DAY_SECONDS) * DAY_SECONDS;
		const parts = DAY_SECONDS / window.width;
		const index = (start - dayStart) / window.width;
		const rows: UsageRow[] = projects.flatMap((project) =>
			dailyUsage(project, dayStart, usageWorld)
				.map((usage, line) => ({
					project_id: project.id,
					// the key (and its owner) that the costs bill this model's line to
					...usedBy(project, line),
					model: usage.model,
					batch: ranInBatch(context.world.seed, project.id, dayStart, usage.model),
					service_tier: 'default',
					input_tokens: share(usage.inputTokens, parts, index),
					input_cached_tokens: share(usage.cachedTokens, parts, index),
					output_tokens: share(usage.outputTokens, parts, index),
					num_model_requests: share(usage.requests, parts, index),
				}))
				.filter((row) => row.num_model_requests + row.input_tokens + row.output_tokens > 0 && wanted(row)),
		);
		const results = groupRows(rows, groupBy, DIMENSIONS, (total, row) => {
			total.input_tokens += row.input_tokens;
			total.input_cached_tokens += row.input_cached_tokens;
			total.output_tokens += row.output_tokens;
			total.num_model_requests += row.num_model_requests;
		}).map((row) => ({ object: 'organization.usage.completions.result', ...row }));
		return { object: 'bucket', start_time: start, end_time: start + window.width, results };
	});
	return {
		body: { object: 'page', data, has_more: window.nextPage !== null, next_page: window.nextPage },
	};
};
