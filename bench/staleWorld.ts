import { USAGE_KINDS } from '../test/openai-server/activity';
import type { SeedProject } from '../test/openai-server';

const DAY = 86_400;

/** The request-count goal: 1,000 projects (the Default one included), 900 of them active, 90 days. */
export const STALE_WORLD = { projects: 1_000, active: 900, days: 90, keyOnly: 50 } as const;

/**
 * 999 seeded projects besides the Default project: 899 used in the last 90 days (every usage kind in turn, on
 * days spread over the window), 50 with only an API key used in the window, 50 idle since before it.
 */
export function staleWorldProjects(nowSeconds: number): SeedProject[] {
	const used = STALE_WORLD.active - 1;
	return Array.from({ length: STALE_WORLD.projects - 1 }, (_, index) => ({
		name: `Project ${index}`,
		created_at: nowSeconds - 400 * DAY,
		activity:
			index < used
				? { usage: [USAGE_KINDS[index % USAGE_KINDS.length]], lastUsedDaysAgo: index % (STALE_WORLD.days - 5) }
				: index < used + STALE_WORLD.keyOnly
					? { usage: [], keys: [{ lastUsedDaysAgo: index % 80 }] }
					: { usage: [], keys: [{ lastUsedDaysAgo: 100 + (index % 50) }] },
	}));
}

/** ceil(projects/100) project pages + 1 cost page (91 day buckets, 180 a page) + 3 usage pages per kind (31 a page) + one key listing per candidate. */
export function staleRequestGoal(): number {
	const buckets = STALE_WORLD.days + 1;
	const candidates = STALE_WORLD.projects - STALE_WORLD.active;
	return Math.ceil(STALE_WORLD.projects / 100) + Math.ceil(buckets / 180) + USAGE_KINDS.length * Math.ceil(buckets / 31) + candidates;
}
