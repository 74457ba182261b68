import { randomFromKey, randomInt, type Random } from './random';
import type { ProjectRecord, UsageKind } from './types';
import { mayUseOn, type UsageWorld } from './usageData';

/** A usage kind besides completions, whose rows this file computes. */
export type OtherUsageKind = Exclude<UsageKind, 'completions'>;

type Figures = Record<string, number>;
type Labels = Record<string, string>;

/** One kind of usage report: its result object, what it may be grouped by, and how one project's day looks. */
export interface UsageKindRules {
	object: string;
	/** group_by values the contract allows for this kind */
	dimensions: readonly string[];
	/** the summed fields of a result */
	figures: readonly string[];
	/** a stored level, not a count: smaller buckets repeat it instead of sharing it out */
	level?: boolean;
	/** the fixed value of each dimension other than project_id (model, size…) */
	labels: Labels;
	day(random: Random): Figures;
	/** the cost line item and its price in millionths of a dollar; none for a free kind */
	cost?: { lineItem: string; microDollars(figures: Figures): number };
}

const USER_DIMENSIONS = ['project_id', 'user_id', 'api_key_id', 'model'] as const;
const GIB = 1024 ** 3;

export const USAGE_KIND_RULES: Record<OtherUsageKind, UsageKindRules> = {
	embeddings: modelKind('embeddings', 'text-embedding-3-small', 'input_tokens', [500, 3_000_000, 800], 0.02),
	// Free: moderations never show up in the costs.
	moderations: modelKind('moderations', 'omni-moderation-latest', 'input_tokens', [50, 200_000, 120]),
	images: {
		object: 'organization.usage.images.result',
		dimensions: [...USER_DIMENSIONS, 'size', 'source'],
		figures: ['images', 'num_model_requests'],
		labels: { model: 'gpt-image-1', size: '1024x1024', source: 'image.generation' },
		day: (random) => {
			const requests = randomInt(random, 1, 60);
			return { images: requests * randomInt(random, 1, 4), num_model_requests: requests };
		},
		cost: { lineItem: 'gpt-image-1, images', microDollars: (f) => f.images * 42_000 },
	},
	audio_speeches: modelKind('audio_speeches', 'gpt-4o-mini-tts', 'characters', [200, 400_000, 900], 12),
	audio_transcriptions: modelKind('audio_transcriptions', 'gpt-4o-transcribe', 'seconds', [30, 40_000, 240], 100),
	vector_stores: {
		object: 'organization.usage.vector_stores.result',
		dimensions: ['project_id'],
		figures: ['usage_bytes'],
		level: true,
		labels: {},
		day: (random) => ({ usage_bytes: randomInt(random, 2, 3_000) * 1024 * 1024 }),
		// $0.10 per GiB and day.
		cost: {
			lineItem: 'vector store storage',
			microDollars: (f) => Math.max(1, Math.round((f.usage_bytes / GIB) * 100_000)),
		},
	},
	code_interpreter_sessions: {
		object: 'organization.usage.code_interpreter_sessions.result',
		dimensions: ['project_id'],
		figures: ['num_sessions'],
		labels: {},
		day: (random) => ({ num_sessions: randomInt(random, 1, 80) }),
		cost: { lineItem: 'code interpreter sessions', microDollars: (f) => f.num_sessions * 30_000 },
	},
	file_search_calls: {
		object: 'organization.usage.file_searches.result',
		dimensions: ['project_id', 'user_id', 'api_key_id', 'vector_store_id'],
		figures: ['num_requests'],
		labels: { vector_store_id: 'vs_seeded' },
		day: (random) => ({ num_requests: randomInt(random, 1, 2_000) }),
		cost: { lineItem: 'file search tool calls', microDollars: (f) => f.num_requests * 2_500 },
	},
	web_search_calls: {
		object: 'organization.usage.web_searches.result',
		dimensions: [...USER_DIMENSIONS, 'context_level'],
		figures: ['num_model_requests', 'num_requests'],
		labels: { model: 'gpt-4o-mini', context_level: 'medium' },
		day: (random) => {
			const calls = randomInt(random, 1, 500);
			return { num_model_requests: calls, num_requests: calls };
		},
		cost: { lineItem: 'web search tool calls', microDollars: (f) => f.num_requests * 25_000 },
	},
};

/**
 * A kind measured in one figure of one model plus its requests: `range` is the day's figure (min, max) and how
 * much of it one request carries; `microDollarsPerUnit` its price, none for a free kind.
 */
function modelKind(
	kind: string,
	model: string,
	figure: string,
	[min, max, perRequest]: [number, number, number],
	microDollarsPerUnit?: number,
): UsageKindRules {
	return {
		object: `organization.usage.${kind}.result`,
		dimensions: USER_DIMENSIONS,
		figures: [figure, 'num_model_requests'],
		labels: { model },
		day: (random) => {
			const amount = randomInt(random, min, max);
			return { [figure]: amount, num_model_requests: Math.max(1, Math.floor(amount / perRequest)) };
		},
		...(microDollarsPerUnit === undefined
			? {}
			: {
					cost: {
						lineItem: `${model}, ${figure.replace('input_tokens', 'input')}`,
						microDollars: (figures: Figures) => Math.round(figures[figure] * microDollarsPerUnit),
					},
				}),
	};
}

/**
 * One project's figures of one usage kind on one UTC day, or null when it used none that day; computed from
 * (seed, project, day, kind), never stored. A project uses its kinds on about two days in three, and always on
 * its last day of usage.
 */
export function dailyKindUsage(
	project: ProjectRecord,
	dayStart: number,
	kind: OtherUsageKind,
	world: UsageWorld,
): Figures | null {
	if (!mayUseOn(project, kind, dayStart, world)) return null;
	const random = randomFromKey(world.seed, project.id, dayStart, kind);
	const skipped = random() < 0.35;
	if (skipped && dayStart !== project.activity.lastUsageDay) return null;
	return USAGE_KIND_RULES[kind].day(random);
}
