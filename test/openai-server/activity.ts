import { randomAlphanumeric, randomFromKey, randomInt, type Random } from './random';
import type { ActivityPlan, ApiKeyPlan, ProjectRecord, SeedActivity, UsageKind } from './types';

export const DAY_SECONDS = 86_400;

/** Every usage report of the contract (GET /organization/usage/<kind>). */
export const USAGE_KINDS: readonly UsageKind[] = [
	'completions',
	'embeddings',
	'moderations',
	'images',
	'audio_speeches',
	'audio_transcriptions',
	'vector_stores',
	'code_interpreter_sessions',
	'file_search_calls',
	'web_search_calls',
];

/** Kinds besides completions that a spending project may also use. */
const EXTRA_PAID_KINDS: readonly UsageKind[] = USAGE_KINDS.filter(
	(kind) => kind !== 'completions' && kind !== 'moderations',
);

export function dayStartOf(seconds: number): number {
	return Math.floor(seconds / DAY_SECONDS) * DAY_SECONDS;
}

/**
 * The history of a generated project, drawn from its own random stream (so the ids of the seeded world do not
 * move): most projects spend money every few days; some only call the free moderations endpoint; some only
 * have a key that was used lately (e.g. listing models); the rest stopped long ago or were never used. The
 * last ten of every hundred (by position) use a single kind on free credits, so that every kind alone keeps some project
 * active in any world of a hundred projects or more.
 */
export function generatedActivity(
	project: Pick<ProjectRecord, 'id' | 'createdAt' | 'archivedAt'>,
	index: number,
	seed: number,
	nowSeconds: number,
): ActivityPlan {
	const random = randomFromKey(seed, project.id, 'activity');
	const draw = random();
	const singleKind = index % 100 >= 90 ? USAGE_KINDS[(index % 100) - 90] : undefined;
	if (singleKind) {
		return planFor(
			project,
			{
				usage: [singleKind],
				billed: false,
				lastUsedDaysAgo: randomInt(random, 0, 6),
				keys: [{ lastUsedDaysAgo: 60 }],
			},
			seed,
			nowSeconds,
		);
	}
	if (draw < 0.7) {
		const kinds: UsageKind[] = ['completions'];
		if (random() < 0.3) kinds.push('moderations');
		for (const kind of EXTRA_PAID_KINDS) if (random() < 0.12) kinds.push(kind);
		return planFor(project, { usage: kinds, lastUsedDaysAgo: 0 }, seed, nowSeconds);
	}
	if (draw < 0.78) {
		return planFor(
			project,
			{ usage: ['moderations'], lastUsedDaysAgo: randomInt(random, 0, 6) },
			seed,
			nowSeconds,
		);
	}
	if (draw < 0.84) {
		return planFor(
			project,
			{ usage: [], keys: [{ lastUsedDaysAgo: randomInt(random, 0, 10) }] },
			seed,
			nowSeconds,
		);
	}
	const neverUsed = random() < 0.3;
	return planFor(
		project,
		neverUsed
			? { usage: [], keys: [{ lastUsedDaysAgo: null }] }
			: { usage: ['completions'], lastUsedDaysAgo: randomInt(random, 45, 400) },
		seed,
		nowSeconds,
	);
}

/** What a seeded project without an `activity` does: it uses completions up to today, as it always did. */
export const DEFAULT_SEED_ACTIVITY: SeedActivity = { usage: ['completions'], lastUsedDaysAgo: 0 };

/**
 * Turns a seed's relative description into dates. Usage never starts before the project's creation day and
 * never goes on after its archive day; its keys were last used on its last day of usage unless the seed says
 * otherwise, so keys, usage and costs tell the same story.
 */
export function planFor(
	project: Pick<ProjectRecord, 'id' | 'createdAt' | 'archivedAt'>,
	activity: SeedActivity,
	seed: number,
	nowSeconds: number,
): ActivityPlan {
	const usage = [...new Set(activity.usage ?? [])];
	const today = dayStartOf(nowSeconds);
	const createdDay = dayStartOf(project.createdAt);
	const lastPossibleDay = project.archivedAt === null ? today : dayStartOf(project.archivedAt);
	let lastUsageDay: number | null = null;
	if (usage.length > 0) {
		const wanted = today - (activity.lastUsedDaysAgo ?? 0) * DAY_SECONDS;
		const day = Math.min(wanted, lastPossibleDay);
		lastUsageDay = day >= createdDay ? day : null;
	}
	const keySeeds = activity.keys ?? [
		{ lastUsedDaysAgo: lastUsageDay === null ? null : (today - lastUsageDay) / DAY_SECONDS },
	];
	const keyRandom = randomFromKey(seed, project.id, 'keys');
	const keys = keySeeds.map((key, index) =>
		keyPlan(project, index, key, keyRandom, nowSeconds, lastPossibleDay),
	);
	return {
		usage: lastUsageDay === null ? [] : usage,
		billed: activity.billed ?? true,
		lastUsageDay,
		keys,
	};
}

function keyPlan(
	project: Pick<ProjectRecord, 'id' | 'createdAt'>,
	index: number,
	key: NonNullable<SeedActivity['keys']>[number],
	random: Random,
	nowSeconds: number,
	lastPossibleDay: number,
): ApiKeyPlan {
	const serviceAccount = key.serviceAccount ?? index % 2 === 1;
	const createdAt = Math.min(nowSeconds, project.createdAt + randomInt(random, 60, 3_600));
	let lastUsedAt: number | null = null;
	if (key.lastUsedDaysAgo !== null && key.lastUsedDaysAgo !== undefined) {
		const day = Math.min(
			dayStartOf(nowSeconds) - key.lastUsedDaysAgo * DAY_SECONDS,
			lastPossibleDay,
		);
		// Some moment of that day, never before the key existed and never after now.
		const moment = day + randomInt(random, 0, DAY_SECONDS - 1);
		lastUsedAt = Math.max(createdAt, Math.min(moment, nowSeconds));
	}
	const suffix = randomAlphanumeric(random, 4);
	return {
		id: `key_${randomAlphanumeric(random, 16)}`,
		name:
			key.name ??
			(serviceAccount
				? `${['batch', 'ci', 'backend'][index % 3]} service key`
				: `key ${index + 1}`),
		createdAt,
		lastUsedAt,
		redactedValue: `sk-${serviceAccount ? 'svcacct' : 'proj'}-****${suffix}`,
		owner: serviceAccount
			? {
					type: 'service_account',
					id: `svc_acct_${randomAlphanumeric(random, 16)}`,
					name: `Service account ${index + 1}`,
				}
			: { type: 'user', id: `user-${randomAlphanumeric(random, 24)}`, name: `Member ${index + 1}` },
	};
}
