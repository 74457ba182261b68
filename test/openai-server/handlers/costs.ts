import { readBucketWindow } from '../buckets';
import { nowSeconds, queryArray, type Handler, type HandlerContext } from '../context';
import { groupRows, readGroupBy } from '../grouping';
import type { ProjectRecord } from '../types';
import { DAY_SECONDS, dailyUsage, microDollars, type UsageWorld } from '../usageData';
import { dailyKindUsage, USAGE_KIND_RULES } from '../usageKinds';

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
	const usageWorld = { seed: context.world.seed, costsDays: context.world.costsDays, nowSeconds: now };

	const data = window.starts.map((start) => {
		const rows: CostRow[] = projects.filter((project) => project.activity.billed).flatMap((project) => [
			...dailyUsage(project, start, usageWorld).flatMap((usage, index) =>
				(['input', 'output'] as const).map((direction) => ({
					project_id: project.id,
					line_item: `${usage.model}, ${direction}`,
					api_key_id: billedKey(project, index),
					micro: microDollars(
						usage.model,
						direction === 'input' ? usage.inputTokens : usage.outputTokens,
						direction,
					),
				})),
			),
			...otherKindCosts(project, start, usageWorld),
		]);
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

/** Every paid kind a project used that day is billed the same day; moderations are free. */
function otherKindCosts(project: ProjectRecord, dayStart: number, world: UsageWorld): CostRow[] {
	return project.activity.usage.flatMap((kind, index) => {
		if (kind === 'completions') return [];
		const cost = USAGE_KIND_RULES[kind].cost;
		const day = cost ? dailyKindUsage(project, dayStart, kind, world) : null;
		if (!cost || !day) return [];
		return [{ project_id: project.id, line_item: cost.lineItem, api_key_id: billedKey(project, index + 1), micro: cost.microDollars(day) }];
	});
}

/** The project's key a line of its bill is charged to: its keys take turns (none when it has no key). */
export function billedKey(project: ProjectRecord, index: number): string | null {
	const keys = project.activity.keys;
	return keys.length > 0 ? keys[index % keys.length].id : null;
}

/** Archived projects stay in reports: their past spending is real. */
export function projectsInScope(context: HandlerContext) {
	const wanted = queryArray(context.query, 'project_ids');
	return context.world.state.projects.filter(
		(project) =>
			project.organizationId === context.caller.organizationId &&
			(wanted.length === 0 || wanted.includes(project.id)),
	);
}
