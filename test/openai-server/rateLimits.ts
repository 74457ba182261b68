import type { Caller } from './auth';
import { isObject } from './context';
import * as E from './errors';
import { formatDuration, SlidingWindow } from './rateLimiter';

/** Limits of the model endpoints (chat, models), counted per organization and key in a sliding window. */
export interface ModelRateLimitSettings {
	requestsPerMinute: number;
	tokensPerMinute: number;
	/** The window the two limits count in; 60,000 like OpenAI, shorter to scale a benchmark down. */
	windowMs?: number;
}

/** The Admin API's limit, per key and endpoint, as teams measured it: no Retry-After, no x-ratelimit headers. */
export interface AdminRateLimitSettings {
	requestsPerMinute: number;
	windowMs?: number;
}

export interface RateLimitSettings {
	model?: ModelRateLimitSettings;
	/** undefined: the Admin API is not limited */
	admin?: AdminRateLimitSettings;
}

/** An organization of OpenAI's usage tier 5 on gpt-4o-mini: what the server enforces unless told otherwise. */
export const DEFAULT_MODEL_LIMITS: ModelRateLimitSettings = {
	requestsPerMinute: 30_000,
	tokensPerMinute: 150_000_000,
};

const MINUTE_MS = 60_000;

/**
 * What a chat request counts against the token limit before it runs, as OpenAI documents it: the prompt
 * estimated from its characters (about 4 a token) plus the most the answer may use (max_completion_tokens or
 * max_tokens). Without a maximum the answer's real length is charged once it is known.
 */
export function requestedTokens(body: unknown): { tokens: number; answerCharged: boolean } {
	if (!isObject(body)) return { tokens: 0, answerCharged: true };
	const messages = Array.isArray(body.messages) ? body.messages : [];
	const characters = messages.reduce<number>((sum, message) => {
		if (!isObject(message)) return sum;
		const content = message.content;
		if (typeof content === 'string') return sum + content.length;
		return sum + JSON.stringify(content ?? '').length;
	}, 0);
	const maximum = [body.max_completion_tokens, body.max_tokens].find(
		(value): value is number => typeof value === 'number' && value > 0,
	);
	const choices = typeof body.n === 'number' && body.n > 1 ? body.n : 1;
	return {
		tokens: Math.ceil(characters / 4) + (maximum ?? 0) * choices,
		answerCharged: maximum !== undefined,
	};
}

export class RateLimits {
	private model: Required<ModelRateLimitSettings> = { ...DEFAULT_MODEL_LIMITS, windowMs: MINUTE_MS };
	private admin: Required<AdminRateLimitSettings> | undefined;
	private requests = new SlidingWindow(MINUTE_MS);
	private tokens = new SlidingWindow(MINUTE_MS);
	private adminRequests = new SlidingWindow(MINUTE_MS);

	constructor(settings: RateLimitSettings = {}) {
		this.configure(settings);
	}

	/** Sets the limits and empties every window. */
	configure(settings: RateLimitSettings): void {
		this.model = { ...DEFAULT_MODEL_LIMITS, windowMs: MINUTE_MS, ...settings.model };
		this.admin = settings.admin ? { windowMs: MINUTE_MS, ...settings.admin } : undefined;
		this.requests = new SlidingWindow(this.model.windowMs);
		this.tokens = new SlidingWindow(this.model.windowMs);
		this.adminRequests = new SlidingWindow(this.admin?.windowMs ?? MINUTE_MS);
	}

	settings(): RateLimitSettings {
		return { model: { ...this.model }, ...(this.admin ? { admin: { ...this.admin } } : {}) };
	}

	clear(): void {
		this.requests.clear();
		this.tokens.clear();
		this.adminRequests.clear();
	}

	/** Refuses an Admin API call over its endpoint's limit; the 429 carries neither Retry-After nor x-ratelimit. */
	admitAdmin(caller: Caller, endpoint: string, nowMs: number): void {
		if (!this.admin) return;
		const bucket = `${caller.keyFingerprint}|${endpoint}`;
		const { requestsPerMinute: limit } = this.admin;
		if (this.adminRequests.used(bucket, nowMs) >= limit) {
			const waitMs = this.adminRequests.msUntilFits(bucket, nowMs, 1, limit);
			throw E.rateLimitReached(caller.organizationId, limit, Math.ceil(waitMs / 1000));
		}
		this.adminRequests.record(bucket, nowMs);
	}

	/**
	 * Counts a model request, or refuses it with OpenAI's 429 when the request or its tokens do not fit. The
	 * 429 carries the x-ratelimit headers and Retry-After (whole seconds, rounded up).
	 */
	admitModel(caller: Caller, model: string | undefined, tokens: number, nowMs: number): void {
		const bucket = bucketOf(caller);
		const { requestsPerMinute, tokensPerMinute } = this.model;
		const usedRequests = this.requests.used(bucket, nowMs);
		const usedTokens = this.tokens.used(bucket, nowMs);
		let refusal: E.OpenAiError | undefined;
		let waitMs = 0;
		if (usedRequests + 1 > requestsPerMinute) {
			waitMs = this.requests.msUntilFits(bucket, nowMs, 1, requestsPerMinute);
			refusal = E.modelRateLimitReached({
				model,
				organizationId: caller.organizationId,
				kind: 'requests',
				limit: requestsPerMinute,
				used: usedRequests,
				requested: 1,
				retryIn: formatDuration(waitMs),
			});
		} else if (usedTokens + tokens > tokensPerMinute) {
			waitMs = this.tokens.msUntilFits(bucket, nowMs, Math.min(tokens, tokensPerMinute), tokensPerMinute);
			refusal = E.modelRateLimitReached({
				model,
				organizationId: caller.organizationId,
				kind: 'tokens',
				limit: tokensPerMinute,
				used: usedTokens,
				requested: tokens,
				retryIn: formatDuration(waitMs),
			});
		}
		if (refusal) {
			Object.assign(refusal.headers, this.headers(caller, nowMs), {
				'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
			});
			throw refusal;
		}
		this.requests.record(bucket, nowMs);
		this.tokens.record(bucket, nowMs, tokens);
	}

	/** Tokens known only after the answer (a chat request without a maximum). */
	chargeTokens(caller: Caller, tokens: number, nowMs: number): void {
		this.tokens.record(bucketOf(caller), nowMs, tokens);
	}

	/**
	 * The six headers every model answer carries, as OpenAI sends them. The reset is what OpenAI reports: the
	 * time the used part needs to come back when the limit refills evenly over the window (1 of 500 requests
	 * used: 120ms; all used: 1m0s).
	 */
	headers(caller: Caller, nowMs: number): Record<string, string> {
		const bucket = bucketOf(caller);
		const { requestsPerMinute, tokensPerMinute, windowMs } = this.model;
		const usedRequests = Math.min(requestsPerMinute, this.requests.used(bucket, nowMs));
		const usedTokens = Math.min(tokensPerMinute, this.tokens.used(bucket, nowMs));
		return {
			'x-ratelimit-limit-requests': String(requestsPerMinute),
			'x-ratelimit-remaining-requests': String(requestsPerMinute - usedRequests),
			'x-ratelimit-reset-requests': formatDuration((usedRequests * windowMs) / requestsPerMinute),
			'x-ratelimit-limit-tokens': String(tokensPerMinute),
			'x-ratelimit-remaining-tokens': String(tokensPerMinute - usedTokens),
			'x-ratelimit-reset-tokens': formatDuration((usedTokens * windowMs) / tokensPerMinute),
		};
	}
}

/** OpenAI counts per organization; a key of another organization, or another key, has its own budget here. */
function bucketOf(caller: Caller): string {
	return `${caller.organizationId}|${caller.keyFingerprint}`;
}
