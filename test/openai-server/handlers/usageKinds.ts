import { readBucketWindow } from '../buckets';
import { nowSeconds, type Handler } from '../context';
import { groupRows, readGroupBy } from '../grouping';
import { DAY_SECONDS, share } from '../usageData';
import { dailyKindUsage, USAGE_KIND_RULES, type OtherUsageKind } from '../usageKinds';
import { usageRowFilter, usedBy } from '../usageFilters';
import { projectsInScope } from './costs';
import { USAGE_WIDTHS } from './usageCompletions';

type Row = Record<string, string | number | boolean | null>;

/**
 * GET /organization/usage/<kind> for every kind besides completions: the same seeded days that the costs bill,
 * paged by buckets like completions; hourly and minute buckets share a day's counts out (a stored level such as
 * vector store bytes is the same in each). A kind with users and keys is used by the key the costs bill it to; the
 * contract's filters narrow the rows (usageFilters.ts).
 */
export function usageKindHandler(kind: OtherUsageKind): Handler {
	const rules = USAGE_KIND_RULES[kind];
	const dimensions = rules.dimensions;
	return (context) => {
		const now = nowSeconds(context.world);
		const window = readBucketWindow(context.query, { widths: USAGE_WIDTHS, nowSeconds: now });
		const groupBy = readGroupBy(context.query, dimensions);
		const projects = projectsInScope(context);
		const wanted = usageRowFilter(context.query);
		const usageWorld = { seed: context.world.seed, costsDays: context.world.costsDays, nowSeconds: now };

		const data = window.starts.map((start) => {
			const dayStart = Math.floor(start / DAY_SECONDS) * DAY_SECONDS;
			const parts = DAY_SECONDS / window.width;
			const index = (start - dayStart) / window.width;
			const rows: Row[] = projects.flatMap((project) => {
				const day = dailyKindUsage(project, dayStart, kind, usageWorld);
				if (!day) return [];
				const row: Row = Object.fromEntries(dimensions.map((name) => [name, rules.labels[name] ?? null]));
				row.project_id = project.id;
				if (dimensions.includes('api_key_id'))
					Object.assign(row, usedBy(project, project.activity.usage.indexOf(kind) + 1));
				for (const figure of rules.figures)
					row[figure] = rules.level ? day[figure] : share(day[figure], parts, index);
				return rules.figures.some((figure) => Number(row[figure]) > 0) && wanted(row) ? [row] : [];
			});
			const results = groupRows(rows, groupBy, dimensions, (total, row) => {
				for (const figure of rules.figures) total[figure] = Number(total[figure]) + Number(row[figure]);
			}).map((row) => ({ object: rules.object, ...row }));
			return { object: 'bucket', start_time: start, end_time: start + window.width, results };
		});
		return {
			body: { object: 'page', data, has_more: window.nextPage !== null, next_page: window.nextPage },
		};
	};
}
