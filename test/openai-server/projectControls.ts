import type { World } from './context';
import { MODELS } from './models';
import type { ProjectRecord } from './types';

/**
 * What an organization allows a model per minute (or day): a project's limit may be lowered below it and raised
 * back up to it, never above (OpenAI's rule; the texts of its refusals are ours). Fields a model does not have are
 * absent, as in the contract ("Only present for relevant models").
 */
export interface ModelLimits {
	max_requests_per_1_minute: number;
	max_tokens_per_1_minute: number;
	max_images_per_1_minute?: number;
	max_audio_megabytes_per_1_minute?: number;
	max_requests_per_1_day?: number;
	batch_1_day_max_input_tokens?: number;
}

export type RateLimitField = keyof ModelLimits;

export const RATE_LIMIT_FIELDS: readonly RateLimitField[] = [
	'max_requests_per_1_minute',
	'max_tokens_per_1_minute',
	'max_images_per_1_minute',
	'max_audio_megabytes_per_1_minute',
	'max_requests_per_1_day',
	'batch_1_day_max_input_tokens',
];

export interface ProjectRateLimitRecord {
	id: string;
	model: string;
	limits: ModelLimits;
	/** the organization's limits for the model: the ceiling of every field */
	ceiling: ModelLimits;
}

export interface SpendAlertRecord {
	id: string;
	/** cents, as the API has it */
	thresholdAmount: number;
	currency: 'USD';
	interval: 'month';
	recipients: string[];
	subjectPrefix: string | null;
}

export interface SpendLimitRecord {
	thresholdAmount: number;
	currency: 'USD';
	interval: 'month';
}

export const HOSTED_TOOLS = ['file_search', 'web_search', 'image_generation', 'mcp', 'code_interpreter'] as const;
export type HostedTool = (typeof HOSTED_TOOLS)[number];

/** A project's rate limits, spend alerts, hard spend limit and permissions. */
export interface ProjectControls {
	rateLimits: ProjectRateLimitRecord[];
	spendAlerts: SpendAlertRecord[];
	spendLimit: SpendLimitRecord | null;
	/** a deny list of nothing: every model allowed (also what deleting the permissions leaves) */
	modelPermissions: { mode: 'allow_list' | 'deny_list'; modelIds: string[] };
	hostedTools: Record<HostedTool, boolean>;
}

/** Usage tier 5's figures, rounded: what every seeded organization may use of each model. */
function organizationLimits(model: string): ModelLimits {
	if (model.startsWith('dall-e'))
		return { max_requests_per_1_minute: 10_000, max_tokens_per_1_minute: 0, max_images_per_1_minute: 100 };
	if (model.startsWith('whisper') || model.startsWith('tts'))
		return { max_requests_per_1_minute: 10_000, max_tokens_per_1_minute: 0, max_audio_megabytes_per_1_minute: 500 };
	if (model.startsWith('text-embedding'))
		return { max_requests_per_1_minute: 10_000, max_tokens_per_1_minute: 10_000_000, max_requests_per_1_day: 5_000_000 };
	return {
		max_requests_per_1_minute: 30_000,
		max_tokens_per_1_minute: 150_000_000,
		batch_1_day_max_input_tokens: 15_000_000_000,
	};
}

export function freshControls(): ProjectControls {
	return {
		rateLimits: MODELS.map((model) => ({
			id: `rl-${model.id}`,
			model: model.id,
			limits: organizationLimits(model.id),
			ceiling: organizationLimits(model.id),
		})),
		spendAlerts: [],
		spendLimit: null,
		modelPermissions: { mode: 'deny_list', modelIds: [] },
		hostedTools: { file_search: true, web_search: true, image_generation: true, mcp: true, code_interpreter: true },
	};
}

/** A project's controls, made on first use: a project starts at its organization's limits with nothing set. */
export function controlsOf(world: World, project: ProjectRecord): ProjectControls {
	const all = world.state.projectControls;
	all[project.id] ??= freshControls();
	return all[project.id];
}
