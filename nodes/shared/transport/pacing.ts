import { sleep } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { headerValue } from './http';

/**
 * Pacing: keeps one execution's requests under OpenAI's rate limits instead of running into them.
 *
 * A `Pacer` is pure (it is told the time, it never sleeps): before a request it says how long to wait, after an
 * answer it learns from the x-ratelimit headers, after a 429 it pauses and slows down. It spaces requests evenly
 * at the rate the limits allow, so it slows down before the limit, not after: a sliding one-minute window never
 * sees more than the limit. Requests sent before the first headers arrived are paid back by waiting, so the
 * first few at once do not add up to a burst over the limit. After a 429 it waits as told (Retry-After, or what
 * the headers imply) and resumes at half the rate, returning to full rate step by step. The Admin API's 429s
 * carry no headers at all: then it backs off, learns the rate that the API let through, and keeps to it.
 */

/** What OpenAI reports on every model answer (any of the six may be missing). */
export interface RateLimitReading {
	limitRequests?: number;
	remainingRequests?: number;
	resetRequestsMs?: number;
	limitTokens?: number;
	remainingTokens?: number;
	resetTokensMs?: number;
}

const MINUTE_MS = 60_000;
/** Share of the limit used: a little headroom for clocks and requests in flight. */
const SAFETY = 0.97;
/** After a 429 the rate halves, down to this share, and comes back by RECOVERY_STEP per answered request. */
const SLOWEST_SPEED = 0.25;
const RECOVERY_STEP = 0.05;
/** Longest pause the pacer itself chooses; a longer Retry-After is the retry policy's business. */
const MAX_PAUSE_MS = 60_000;
/** Pauses after 429s without any hint: 0.5 s doubling per 429 in a row (the retry backoff's first steps). */
const FIRST_BLIND_PAUSE_MS = 500;
/** Without headers, a learned spacing is tightened by this share per success, to at most LEARNED_FLOOR of it. */
const BLIND_TIGHTENING = 0.995;
const LEARNED_FLOOR = 0.8;

const DURATION_PART = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** "6m0s", "1.5s", "644ms", "1h2m3s" (Go's notation, which OpenAI uses) in milliseconds. */
export function parseDuration(text: string | undefined): number | undefined {
	if (text === undefined) return undefined;
	const trimmed = text.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
	let total = 0;
	let consumed = 0;
	for (const match of trimmed.matchAll(DURATION_PART)) {
		total += Number(match[1]) * UNIT_MS[match[2]];
		consumed += match[0].length;
	}
	return consumed > 0 && consumed === trimmed.length ? total : undefined;
}

function count(headers: IDataObject | undefined, name: string): number | undefined {
	const text = headerValue(headers, name);
	const value = text === undefined ? NaN : Number(text);
	return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The x-ratelimit-* headers of an answer, or undefined when it carries none (the Admin API). */
export function readRateLimitHeaders(headers: IDataObject | undefined): RateLimitReading | undefined {
	const reading: RateLimitReading = {
		limitRequests: count(headers, 'x-ratelimit-limit-requests'),
		remainingRequests: count(headers, 'x-ratelimit-remaining-requests'),
		resetRequestsMs: parseDuration(headerValue(headers, 'x-ratelimit-reset-requests')),
		limitTokens: count(headers, 'x-ratelimit-limit-tokens'),
		remainingTokens: count(headers, 'x-ratelimit-remaining-tokens'),
		resetTokensMs: parseDuration(headerValue(headers, 'x-ratelimit-reset-tokens')),
	};
	return Object.values(reading).some((value) => value !== undefined) ? reading : undefined;
}

/**
 * What a chat request will count against the tokens-per-minute limit, as OpenAI counts it before it runs: the
 * messages at about 4 characters a token plus the most the answer may use. 0 for a request without messages.
 */
export function estimateRequestTokens(body: IDataObject | undefined): number {
	// Chat Completions send `messages`; the Responses API `input` (a text or messages) and `instructions`.
	const input = typeof body?.input === 'string' ? [{ content: body.input }] : body?.input;
	const messages = body?.messages ?? input;
	if (!Array.isArray(messages)) return 0;
	let characters = typeof body?.instructions === 'string' ? body.instructions.length : 0;
	for (const message of messages as unknown[]) {
		const content = (message as IDataObject | null)?.content;
		characters += typeof content === 'string' ? content.length : JSON.stringify(content ?? '').length;
	}
	const maximum = [body?.max_completion_tokens, body?.max_tokens, body?.max_output_tokens].find(
		(value): value is number => typeof value === 'number' && value > 0,
	);
	const choices = typeof body?.n === 'number' && body.n > 1 ? body.n : 1;
	return Math.ceil(characters / 4) + (maximum ?? 0) * choices;
}

interface Sent {
	at: number;
	tokens: number;
	/** Tokens of every send before this one: sums over a stretch of the log without walking it. */
	tokensBefore: number;
}

/** Past this many stale entries the log is trimmed (trimming at every send would cost as much as the log). */
const TRIM_AFTER = 256;

export class Pacer {
	private limits: { requests?: number; tokens?: number } = {};
	/** The latest reading, when it was taken (the request's send time) and what it said was left. */
	private budget?: { sentAt: number; reading: RateLimitReading };
	/** Our sends of the last minute (in time order): what a reading taken earlier has not counted yet. */
	private sent: Sent[] = [];
	private tokensSent = 0;
	/** Even spacing: the next request may not start before this. */
	private nextStartAt = 0;
	private pausedUntil = 0;
	private speed = 1;
	/** Answers so far came without x-ratelimit headers (the Admin API). */
	private headerless = false;
	private blindRefusalsInARow = 0;
	/** Without headers: the spacing learned from the last refusal, and the successes it is learned from. */
	private blindSpacingMs = 0;
	private learnedSpacingMs = 0;
	/** The successes since the last refusals were learned from: when the first was sent, and how many. */
	private runUp = { firstAt: 0, count: 0 };
	private refusedSinceSuccess = false;

	/** Milliseconds to wait before a request of `tokens` may start at `now` (0: it may start now). */
	delayFor(tokens: number, now: number): number {
		const earliest = Math.max(this.nextStartAt, this.pausedUntil, this.budgetAllowsAt(tokens, now));
		return Math.max(0, Math.ceil(earliest - now));
	}

	/** The request starts now: its share of the limit moves the clock on. */
	started(tokens: number, now: number): void {
		this.sent.push({ at: now, tokens, tokensBefore: this.tokensSent });
		this.tokensSent += tokens;
		this.forgetOlderThan(now - MINUTE_MS);
		this.nextStartAt = Math.max(this.nextStartAt, now) + this.spacingMs(tokens);
	}

	/** An answer that is not a 429, to the request sent at `sentAt`. */
	answered(reading: RateLimitReading | undefined, sentAt: number): void {
		if (reading) this.learn(reading, sentAt);
		else if (!this.limits.requests && !this.limits.tokens) this.headerless = true;
		this.speed = Math.min(1, this.speed + RECOVERY_STEP);
		if (this.headerless) this.learnFromSuccess(sentAt);
	}

	/**
	 * A 429 to the request sent at `sentAt`, answered at `now`. `advisedWaitMs` is what Retry-After asked (when
	 * it asked at most a minute). Returns how long the pacer now pauses every request.
	 */
	refused(now: number, sentAt: number, reading: RateLimitReading | undefined, advisedWaitMs?: number): number {
		if (reading) this.learn(reading, sentAt);
		this.speed = Math.max(SLOWEST_SPEED, this.speed / 2);
		let waitMs = advisedWaitMs ?? (reading ? this.refillWaitMs(reading) : undefined);
		if (waitMs === undefined) {
			waitMs = Math.min(MAX_PAUSE_MS, FIRST_BLIND_PAUSE_MS * 2 ** this.blindRefusalsInARow);
			this.blindRefusalsInARow++;
			if (!this.limits.requests && !this.limits.tokens) this.headerless = true;
		}
		this.refusedSinceSuccess = true;
		this.pausedUntil = Math.max(this.pausedUntil, now + Math.min(waitMs, MAX_PAUSE_MS));
		this.nextStartAt = Math.max(this.nextStartAt, this.pausedUntil);
		return this.pausedUntil - now;
	}

	private learn(reading: RateLimitReading, sentAt: number): void {
		const known = this.limits.requests !== undefined || this.limits.tokens !== undefined;
		this.limits = {
			requests: reading.limitRequests || this.limits.requests,
			tokens: reading.limitTokens || this.limits.tokens,
		};
		this.headerless = false;
		if (!this.budget || sentAt >= this.budget.sentAt) this.budget = { sentAt, reading };
		if (!known && this.sent.length) {
			// What went out before the limits were known is paid back, so that it adds no burst.
			const [first] = this.sent;
			const owed = this.sent.reduce((sum, request) => sum + this.spacingMs(request.tokens), 0);
			this.nextStartAt = Math.max(this.nextStartAt, first.at + owed);
		}
	}

	/** The gap a request of `tokens` leaves before the next one, from the limits and the current speed. */
	private spacingMs(tokens: number): number {
		if (this.headerless) return this.blindSpacingMs;
		const byRequests = this.limits.requests ? MINUTE_MS / this.limits.requests : 0;
		const byTokens = this.limits.tokens ? (tokens * MINUTE_MS) / this.limits.tokens : 0;
		return Math.max(byRequests, byTokens) / (SAFETY * this.speed);
	}

	/**
	 * When the last reading leaves room for this request: what it said was left, minus what we sent since,
	 * plus what comes back over time (spread evenly over the reset time it named). Protects the limit when
	 * other workflows or programs use the same organization.
	 */
	private budgetAllowsAt(tokens: number, now: number): number {
		if (!this.budget) return 0;
		const { sentAt, reading } = this.budget;
		const since = this.sentAfter(sentAt);
		const requestsAt = refillTime(
			reading.remainingRequests,
			reading.limitRequests,
			reading.resetRequestsMs,
			since.requests + 1,
			sentAt,
		);
		const tokensAt = refillTime(
			reading.remainingTokens,
			reading.limitTokens,
			reading.resetTokensMs,
			since.tokens + Math.min(tokens, reading.limitTokens ?? tokens),
			sentAt,
		);
		return Math.min(Math.max(requestsAt, tokensAt), now + MAX_PAUSE_MS);
	}

	/** After a 429 with headers but no Retry-After: the time the exhausted limit needs to free this request's share. */
	private refillWaitMs(reading: RateLimitReading): number | undefined {
		const { limitRequests, remainingRequests, resetRequestsMs } = reading;
		const { limitTokens, remainingTokens, resetTokensMs } = reading;
		const waits: number[] = [];
		if (remainingRequests === 0 && limitRequests && resetRequestsMs !== undefined) {
			waits.push(resetRequestsMs / limitRequests);
		}
		const tokens = this.lastTokens();
		if (remainingTokens !== undefined && remainingTokens < tokens && limitTokens && resetTokensMs !== undefined) {
			const perToken = resetTokensMs / Math.max(1, limitTokens - remainingTokens);
			waits.push(Math.min(resetTokensMs, (tokens - remainingTokens) * perToken));
		}
		return waits.length ? Math.max(...waits) : undefined;
	}

	private lastTokens(): number {
		return this.sent[this.sent.length - 1]?.tokens ?? 0;
	}

	/**
	 * Without headers, the first success after refusals shows the window: the run-up of successes before the
	 * refusal took from its first send until now to free a place, so the API allows about that many in that time.
	 */
	private learnFromSuccess(sentAt: number): void {
		if (this.refusedSinceSuccess && this.runUp.count) {
			const spacing = (sentAt - this.runUp.firstAt) / this.runUp.count;
			this.learnedSpacingMs = spacing;
			this.blindSpacingMs = spacing;
			this.runUp = { firstAt: 0, count: 0 };
		} else if (this.learnedSpacingMs) {
			this.blindSpacingMs = Math.max(this.learnedSpacingMs * LEARNED_FLOOR, this.blindSpacingMs * BLIND_TIGHTENING);
		}
		this.refusedSinceSuccess = false;
		this.blindRefusalsInARow = 0;
		if (this.runUp.count === 0) this.runUp.firstAt = sentAt;
		this.runUp.count++;
	}

	/** Requests and tokens we sent after `time`. */
	private sentAfter(time: number): { requests: number; tokens: number } {
		const first = this.firstSentAfter(time);
		if (first === this.sent.length) return { requests: 0, tokens: 0 };
		return { requests: this.sent.length - first, tokens: this.tokensSent - this.sent[first].tokensBefore };
	}

	/** Index of the first send after `time` (binary search: the log is in time order). */
	private firstSentAfter(time: number): number {
		let low = 0;
		let high = this.sent.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (this.sent[middle].at > time) high = middle;
			else low = middle + 1;
		}
		return low;
	}

	private forgetOlderThan(time: number): void {
		const stale = this.firstSentAfter(time - 1);
		if (stale >= TRIM_AFTER || (stale > 0 && stale * 2 >= this.sent.length)) this.sent = this.sent.slice(stale);
	}
}

/** When `needed` more fits, given `remaining` at `since` and an even refill of the used part over `resetMs`. */
function refillTime(
	remaining: number | undefined,
	limit: number | undefined,
	resetMs: number | undefined,
	needed: number,
	since: number,
): number {
	if (remaining === undefined || remaining >= needed) return 0;
	if (!limit || resetMs === undefined || limit <= remaining) return 0;
	const perUnitMs = resetMs / (limit - remaining);
	return since + (needed - remaining) * perUnitMs;
}

/** The pacers of one execution: one per organization and project for model calls, one per Admin API endpoint. */
class ExecutionPacing {
	private readonly pacers = new Map<string, Pacer>();

	pacerFor(scope: string): Pacer {
		let pacer = this.pacers.get(scope);
		if (!pacer) {
			pacer = new Pacer();
			this.pacers.set(scope, pacer);
		}
		return pacer;
	}
}

/**
 * Pacing belongs to one node execution: its items share what the limits allow, and nothing outlives it. n8n
 * hands every item of a run the same context object, so the pacers hang off that object; a WeakMap keeps no
 * context alive, so nothing is carried into the next execution (or to another worker in queue mode).
 */
const pacingOfExecution = new WeakMap<object, ExecutionPacing>();

/** Admin API limits count per endpoint: IDs in the path do not make another endpoint. */
export function pacingScope(method: string, path: string, organizationId: string, projectId: string): string {
	if (!path.startsWith('/organization/')) return `model ${organizationId} ${projectId}`;
	return `admin ${method} ${path.replace(/\/[a-z]+[-_][A-Za-z0-9]{6,}(?=\/|$)/g, '/{id}')}`;
}

export function pacerOf(execution: object, scope: string): Pacer {
	let pacing = pacingOfExecution.get(execution);
	if (!pacing) {
		pacing = new ExecutionPacing();
		pacingOfExecution.set(execution, pacing);
	}
	return pacing.pacerFor(scope);
}

/** Longest single sleep, so that a stopped execution is noticed within it. */
const SLEEP_SLICE_MS = 1_000;

/** Waits until the pacer lets a request with this body start; returns its start time. */
export async function waitForTurn(
	pacer: Pacer,
	body: IDataObject | undefined,
	cancelled: () => boolean,
): Promise<{ sentAt: number; tokens: number }> {
	const tokens = estimateRequestTokens(body);
	for (;;) {
		const waitMs = pacer.delayFor(tokens, Date.now());
		if (waitMs <= 0 || cancelled()) break;
		await sleep(Math.min(waitMs, SLEEP_SLICE_MS));
	}
	const sentAt = Date.now();
	pacer.started(tokens, sentAt);
	return { sentAt, tokens };
}

/** Tells the pacer how a request went: a 429 rate limit pauses it, any other answer feeds it the headers. */
export function reportAnswer(
	pacer: Pacer,
	sentAt: number,
	answer: { status: number; code?: string | null; headers: IDataObject; advisedWaitMs?: number },
): void {
	const reading = readRateLimitHeaders(answer.headers);
	if (answer.status === 429 && answer.code !== 'insufficient_quota') {
		pacer.refused(Date.now(), sentAt, reading, answer.advisedWaitMs);
	} else {
		pacer.answered(reading, sentAt);
	}
}
