import type { IDataObject } from 'n8n-workflow';

import { headerValue } from './headers';

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
