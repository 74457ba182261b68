import type { IDataObject } from 'n8n-workflow';

import { headerValue } from './http';
import type { OpenAiFailure } from './http';

/**
 * When is a request retried, and after how long? Everything the transport decides about a second attempt is here:
 * which failures may pass on a retry, whether repeating a change is safe, and the wait before it.
 */

export const DEFAULT_MAX_RETRIES = 3;
const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** A Retry-After beyond this is not waited for: the workflow would look hung (openai-node does the same). */
export const MAX_RETRY_AFTER_MS = 60_000;

const RETRYABLE_CONNECTION_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'UND_ERR_SOCKET',
]);

export function isRetryableStatus(status: number, errorCode: string | null | undefined): boolean {
	if (status === 429) return errorCode !== 'insufficient_quota';
	return status === 408 || status === 409 || status >= 500;
}

/** OpenAI may say explicitly whether a retry can help; that beats our own guess. */
export function serverRetryAdvice(headers: IDataObject | undefined): boolean | undefined {
	const advice = headerValue(headers, 'x-should-retry');
	if (advice === 'true') return true;
	if (advice === 'false') return false;
	return undefined;
}

interface WrappedError {
	code?: unknown;
	httpCode?: unknown;
	cause?: { code?: unknown };
	message?: unknown;
	messages?: unknown;
}

/** n8n wraps a dropped connection in a NodeApiError that keeps the code in `httpCode` and the text in `messages`. */
export function connectionErrorCode(error: unknown): string | undefined {
	const candidate = (error ?? {}) as WrappedError;
	for (const code of [candidate.code, candidate.cause?.code, candidate.httpCode]) {
		if (typeof code === 'string' && RETRYABLE_CONNECTION_CODES.has(code)) return code;
	}
	const texts = [candidate.message, ...(Array.isArray(candidate.messages) ? candidate.messages : [])];
	if (texts.some((text) => typeof text === 'string' && /socket hang up/i.test(text))) return 'ECONNRESET';
	return undefined;
}

/** True only when the server cannot have acted on the request (nothing reached it, or it refused at the door). */
export function serverCannotHaveActed(failure: { status?: number; connectionCode?: string }): boolean {
	if (failure.status === 429) return true;
	return failure.connectionCode === 'ECONNREFUSED' || failure.connectionCode === 'EAI_AGAIN';
}

function serverRequestedDelayMs(headers: IDataObject | undefined): number | undefined {
	const ms = Number(headerValue(headers, 'retry-after-ms'));
	if (Number.isFinite(ms) && ms >= 0 && headerValue(headers, 'retry-after-ms') !== undefined) return ms;
	const retryAfter = headerValue(headers, 'retry-after');
	if (retryAfter === undefined) return undefined;
	const seconds = Number(retryAfter);
	if (Number.isFinite(seconds)) return seconds * 1000;
	const date = Date.parse(retryAfter);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The wait the server asked for, when it asked for one the node waits for (at most MAX_RETRY_AFTER_MS). */
export function advisedRetryWaitMs(headers: IDataObject | undefined): number | undefined {
	const requested = serverRequestedDelayMs(headers);
	return requested !== undefined && requested <= MAX_RETRY_AFTER_MS ? Math.ceil(requested) : undefined;
}

/** The wait the server asked for when it is longer than the node waits (then the usual backoff is used instead). */
export function requestedWaitBeyondCapMs(headers: IDataObject | undefined): number | undefined {
	const requested = serverRequestedDelayMs(headers);
	return requested !== undefined && requested > MAX_RETRY_AFTER_MS ? requested : undefined;
}

/** Backoff min(0.5 s × 2^attempt, 8 s) minus up to 25 % jitter, unless the server named a (sane) wait. */
export function retryDelayMs(
	attempt: number,
	headers?: IDataObject,
	random: () => number = Math.random,
): number {
	const requested = serverRequestedDelayMs(headers);
	if (requested !== undefined && requested <= MAX_RETRY_AFTER_MS) return Math.ceil(requested);
	const backoff = Math.min(BASE_DELAY_MS * 2 ** attempt, MAX_BACKOFF_MS);
	return Math.round(backoff * (1 - 0.25 * random()));
}

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
