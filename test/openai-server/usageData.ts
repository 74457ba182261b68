import { randomFromKey, randomInt } from './random';
import type { ProjectRecord, UsageKind } from './types';

export const DAY_SECONDS = 86_400;

/** USD per million tokens, input then output. */
export const PRICES: Record<string, [number, number]> = {
	'gpt-4o': [2.5, 10],
	'gpt-4o-mini': [0.15, 0.6],
	'gpt-4.1': [2, 8],
	'o3-mini': [1.1, 4.4],
};
const BILLED_MODELS = Object.keys(PRICES);

export interface DailyUsage {
	model: string;
	inputTokens: number;
	cachedTokens: number;
	outputTokens: number;
	requests: number;
}

export interface UsageWorld {
	seed: number;
	costsDays: number;
	nowSeconds: number;
}

/** The one or two models a project uses, fixed by seed and project id. */
export function modelsOf(project: ProjectRecord, seed: number): string[] {
	const random = randomFromKey(seed, project.id, 'models');
	const first = BILLED_MODELS[randomInt(random, 0, BILLED_MODELS.length - 1)];
	const second = BILLED_MODELS[randomInt(random, 0, BILLED_MODELS.length - 1)];
	return first === second ? [first] : [first, second];
}

/**
 * Whether the project may have used `kind` on this UTC day: the server keeps `costsDays` of history, and a project
 * uses only its kinds, from its creation day to its last day of usage (never after it was archived).
 */
export function mayUseOn(project: ProjectRecord, kind: UsageKind, dayStart: number, world: UsageWorld): boolean {
	const today = Math.floor(world.nowSeconds / DAY_SECONDS) * DAY_SECONDS;
	const firstDay = today - (world.costsDays - 1) * DAY_SECONDS;
	const createdDay = Math.floor(project.createdAt / DAY_SECONDS) * DAY_SECONDS;
	const { usage, lastUsageDay } = project.activity;
	if (lastUsageDay === null || !usage.includes(kind)) return false;
	return dayStart >= firstDay && dayStart >= createdDay && dayStart <= lastUsageDay;
}

/** Seeded usage of one project on one UTC day (dayStart in unix seconds); computed, never stored. */
export function dailyUsage(
	project: ProjectRecord,
	dayStart: number,
	world: UsageWorld,
): DailyUsage[] {
	if (!mayUseOn(project, 'completions', dayStart, world)) return [];
	// Its last day of usage is a day it really used something.
	const lastDay = dayStart === project.activity.lastUsageDay;

	return modelsOf(project, world.seed).flatMap((model, index) => {
		const random = randomFromKey(world.seed, project.id, dayStart, model);
		if (random() < 0.25 && !(lastDay && index === 0)) return [];
		const inputTokens = randomInt(random, 1_000, 2_000_000);
		return [
			{
				model,
				inputTokens,
				cachedTokens: Math.floor(inputTokens * random() * 0.3),
				outputTokens: Math.floor(inputTokens * (0.1 + random() * 0.4)),
				requests: Math.max(1, Math.floor(inputTokens / 1_500)),
			},
		];
	});
}

/** Cost in millionths of a dollar, so that sums stay exact. */
export function microDollars(model: string, tokens: number, direction: 'input' | 'output'): number {
	const [input, output] = PRICES[model];
	return Math.round(tokens * (direction === 'input' ? input : output));
}

/** A day's figure spread over smaller buckets so that the parts always add up to the day. */
export function share(total: number, parts: number, index: number): number {
	return Math.floor(total / parts) + (index < total % parts ? 1 : 0);
}
