import type { BackgroundRules, BatchRules } from './types';

/** By default a batch is done at the first look after its creation: validating and running take no time. */
export const DEFAULT_BATCH_RULES: BatchRules = {
	validatingSeconds: 0,
	inProgressSeconds: 0,
	cancellingSeconds: 0,
	outcome: 'completed',
	expiredShare: 0.5,
	clockOffsetSeconds: 0,
};

/** The batch API's limits (the contract's CreateBatchRequest): 50,000 requests and 200 MB per input file. */
export const MAX_BATCH_LINES = 50_000;
export const MAX_BATCH_BYTES = 200 * 1024 * 1024;

/** By default a background response is done at the first look after its creation (its create answer says queued). */
export const DEFAULT_BACKGROUND_RULES: BackgroundRules = {
	queuedSeconds: 0,
	inProgressSeconds: 0,
	outcome: 'completed',
	clockOffsetSeconds: 0,
};
