import { readBucketWindow } from '../buckets';
import { nowSeconds, queryArray, type Handler, type HandlerContext } from '../context';
import { groupRows, readGroupBy } from '../grouping';
import { DAY_SECONDS, dailyUsage, microDollars } from '../usageData';

const DIMENSIONS = ['project_id', 'line_item', 'api_key_id'] as const;

type CostRow = {
	project_id: string | null;
	line_item: string | null;
	api_key_id: string | null;
	micro: number;
};

/** GET /organization/costs: seeded daily costs per project and line item, paged by day buckets. */
export const listCosts: Handler = (context) => {
	const now = nowSeconds(context.world);
	const window = readBucketWindow(context.query, {
		widths: { '1d': { seconds: DAY_SECONDS, defaultLimit: 7, maxLimit: 180 } },
		nowSeconds: now,
	});
	const groupBy = readGroupBy(context.query, DIMENSIONS);
	const projects = projectsInScope(context);

	const data = window.starts.map((start) => {
		const rows: CostRow[] = projects.flatMap((project) =>
			dailyUsage(project, start, {
				seed: context.world.seed,
				costsDays: context.world.costsDays,
				nowSeconds: now,
			}).flatMap((usage) =>
				(['input', 'output'] as const).map((direction) => ({
					project_id: project.id,
					line_item: `${usage.model}, ${direction}`,
					api_key_id: null,
					micro: microDollars(
						usage.model,
						direction === 'input' ? usage.inputTokens : usage.outputTokens,
						direction,
					),
				})),
			),
		);
		const results = groupRows(rows, groupBy, DIMENSIONS, (total, row) => {
			total.micro += row.micro;
		}).map(({ micro, ...dimensions }) => ({
			object: 'organization.costs.result',
			amount: { value: micro / 1_000_000, currency: 'usd' },
			...dimensions,
		}));
		return { object: 'bucket', start_time: start, end_time: start + window.width, results };
	});
	return {
		body: { object: 'page', data, has_more: window.nextPage !== null, next_page: window.nextPage },
	};
};

/** Archived projects stay in reports: their past spending is real. */
export function projectsInScope(context: HandlerContext) {
	const wanted = queryArray(context.query, 'project_ids');
	return context.world.state.projects.filter(
		(project) =>
			project.organizationId === context.caller.organizationId &&
			(wanted.length === 0 || wanted.includes(project.id)),
	);
}
