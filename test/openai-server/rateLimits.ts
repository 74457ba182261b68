import type { Caller } from './auth';
import { isObject } from './context';
import * as E from './errors';
import { formatDuration, SlidingWindow } from './rateLimiter';

/** Limits of the model endpoints (chat, models), counted per organization and key in a sliding window. */
export interface ModelRateLimitSettings {
	requestsPerMinute: number;
	tokensPerMinute: number;
	/**
	 * The sliding window, 60,000 like OpenAI. A shorter one compresses time for tests: the rates stay per
	 * minute (and the headers say so), the window holds its share of them (600 a minute in a 1 s window: 10),
	 * so it is as strict on the rate and stricter on bursts.
	 */
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
	// Chat Completions send `messages`; the Responses API `input` (a text or messages) and `instructions`.
	const input = typeof body.input === 'string' ? [{ content: body.input }] : body.input;
	const given = body.messages ?? input;
	const messages = Array.isArray(given) ? given : [];
	const instructions = typeof body.instructions === 'string' ? body.instructions.length : 0;
	const characters = messages.reduce<number>((sum, message) => {
		if (!isObject(message)) return sum;
		const content = message.content;
		if (typeof content === 'string') return sum + content.length;
		return sum + JSON.stringify(content ?? '').length;
	}, instructions);
	const maximum = [body.max_completion_tokens, body.max_tokens, body.max_output_tokens].find(
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
		const { requests: requestsInWindow, tokens: tokensInWindow } = this.windowShare();
		const usedRequests = this.requests.used(bucket, nowMs);
		const usedTokens = this.tokens.used(bucket, nowMs);
		let refusal: E.OpenAiError | undefined;
		let waitMs = 0;
		if (usedRequests + 1 > requestsInWindow) {
			waitMs = this.requests.msUntilFits(bucket, nowMs, 1, requestsInWindow);
			refusal = E.modelRateLimitReached({
				model,
				organizationId: caller.organizationId,
				kind: 'requests',
				limit: requestsPerMinute,
				used: this.perMinute(usedRequests),
				requested: 1,
				retryIn: formatDuration(waitMs),
			});
		} else if (usedTokens + tokens > tokensInWindow) {
			waitMs = this.tokens.msUntilFits(bucket, nowMs, Math.min(tokens, tokensInWindow), tokensInWindow);
			refusal = E.modelRateLimitReached({
				model,
				organizationId: caller.organizationId,
				kind: 'tokens',
				limit: tokensPerMinute,
				used: this.perMinute(usedTokens),
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
		const { requestsPerMinute, tokensPerMinute } = this.model;
		const usedRequests = Math.min(requestsPerMinute, this.perMinute(this.requests.used(bucket, nowMs)));
		const usedTokens = Math.min(tokensPerMinute, this.perMinute(this.tokens.used(bucket, nowMs)));
		return {
			'x-ratelimit-limit-requests': String(requestsPerMinute),
			'x-ratelimit-remaining-requests': String(requestsPerMinute - usedRequests),
			'x-ratelimit-reset-requests': formatDuration((usedRequests * MINUTE_MS) / requestsPerMinute),
			'x-ratelimit-limit-tokens': String(tokensPerMinute),
			'x-ratelimit-remaining-tokens': String(tokensPerMinute - usedTokens),
			'x-ratelimit-reset-tokens': formatDuration((usedTokens * MINUTE_MS) / tokensPerMinute),
		};
	}

	/** What the window holds of the per-minute limits (all of them in a one-minute window). */
	private windowShare(): { requests: number; tokens: number } {
		const share = this.model.windowMs / MINUTE_MS;
		return {
			requests: Math.max(1, Math.floor(this.model.requestsPerMinute * share)),
			tokens: Math.max(1, Math.floor(this.model.tokensPerMinute * share)),
		};
	}

	/** Use in the window as the per-minute figure the headers and messages speak in. */
	private perMinute(usedInWindow: number): number {
		return Math.round((usedInWindow * MINUTE_MS) / this.model.windowMs);
	}
}

/** OpenAI counts per organization; a key of another organization, or another key, has its own budget here. */
function bucketOf(caller: Caller): string {
	return `${caller.organizationId}|${caller.keyFingerprint}`;
}
