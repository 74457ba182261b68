import type { OpenAiFailure } from './errors';
import { isRetryableStatus, serverCannotHaveActed } from './retry';

export interface RetrySituation {
	failure: OpenAiFailure;
	/** Retries already made. */
	attempt: number;
	maxRetries: number;
	/** OpenAI's own word on retrying (`x-should-retry`), when it gave one. */
	serverAdvice?: boolean;
	/** The request changes something and must not be repeated blindly (a create). */
	notIdempotent: boolean;
	/** The request can look for its own result when its answer was lost. */
	canFindLostResult: boolean;
}

export interface RetryDecision {
	/** The change may have happened although no answer came back: look for it before anything else. */
	lookForLostResult: boolean;
	/** Send the request again; otherwise the failure is final. */
	retry: boolean;
	/**
	 * Before the retry: the backoff `retryDelayMs` gives, or nothing of its own after a rate limit, where the
	 * execution's pacer holds every request (this one included) as long as OpenAI asked.
	 */
	wait: 'backoff' | 'pacer';
}

/**
 * What to do after a failed attempt. Retried: what may pass (429 but an empty quota, 408, 409, 5xx, answers that
 * are not JSON, dropped connections), unless OpenAI says otherwise or asks for a longer wait than the node waits
 * (MAX_RETRY_AFTER_MS: the failure then says how long), up to Max Retries. A request that is not
 * idempotent is repeated only when the server cannot have acted on it, or after its lost result was looked for.
 */
export function decideRetry(situation: RetrySituation): RetryDecision {
	const { failure } = situation;
	const retryableKind =
		failure.status === undefined
			? failure.connectionCode !== 'UNKNOWN'
			: failure.malformedBody === true || isRetryableStatus(failure.status, failure.openAiCode);
	// OpenAI asked for a longer wait than the node waits: retrying sooner would only be refused again.
	const waitTooLong = failure.status === 429 && failure.requestedWaitMs !== undefined;
	const wantsRetry =
		situation.attempt < situation.maxRetries && !waitTooLong && (situation.serverAdvice ?? retryableKind);

	const notActedOn = serverCannotHaveActed(failure);
	const outcomeUnknown =
		situation.notIdempotent &&
		!notActedOn &&
		(failure.status === undefined || failure.status >= 500 || failure.malformedBody === true);
	const lookForLostResult = outcomeUnknown && situation.canFindLostResult;
	const safeToRepeat = !situation.notIdempotent || notActedOn || lookForLostResult;
	return {
		lookForLostResult,
		retry: wantsRetry && safeToRepeat,
		wait: failure.status === 429 ? 'pacer' : 'backoff',
	};
}
