import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { LoadedCredentials } from './credentials';
import { headerValue } from './http';
import type { Interruption, OpenAiFailure, OpenAiFunctions, RawResponse } from './http';
import { connectionErrorCode, requestedWaitBeyondCapMs } from './retry';

/**
 * One attempt over the wire: how long it may take (the deadline), what stopped it when no answer came (an
 * interruption), and what the answer means (its body, or the failure it reports).
 */

/** How long one attempt may take unless the node's "Timeout (Seconds)" says otherwise: 300 s. */
export const DEFAULT_TIMEOUT_MS = 300_000;

/**
 * How long one attempt may take, start to last byte. n8n's `timeout` option is an idle timer (it restarts on every
 * byte, so an answer that trickles in holds for ever); an abort signal that fires once the time is up bounds the
 * whole attempt. It also carries the execution's own cancel signal, so stopping the workflow still stops the request.
 */
export interface Deadline {
	signal: AbortSignal;
	/** True once the time was up (rather than the execution being cancelled). */
	expired(): boolean;
	/** True when the user stopped the execution. */
	cancelled(): boolean;
	/** The attempt is over: its clock and the execution's signal forget it. */
	finish(): void;
}

type CancellableContext = { getExecutionCancelSignal?: () => AbortSignal | undefined };

/** The execution's own cancel signal (the user pressed Stop), when this n8n gives one. */
export function cancelSignalOf(context: OpenAiFunctions): AbortSignal | undefined {
	const getCancelSignal = (context as CancellableContext).getExecutionCancelSignal;
	return typeof getCancelSignal === 'function' ? getCancelSignal.call(context) : undefined;
}

/**
 * Attempts that start within one short window share one timer. A timer per attempt (`AbortSignal.timeout`) cost
 * about a tenth of a millisecond each, which showed in the chat node's profile at 50 items at once; shared, an
 * attempt's deadline is at least its Timeout and at most one window (a hundredth of the Timeout, 5 ms to 1 s) later.
 * Each attempt keeps its own abort controller, so no signal collects a listener per request (n8n's request helper
 * adds one to the signal it is given). Everything hangs off the node run's own context: nothing outlives it.
 */
interface SharedClock {
	timeUp: AbortSignal;
	/** The attempts under way on this clock: stopped when it fires. */
	attempts: Set<AbortController>;
	/** Attempts starting before this time (ms since the epoch) join this clock. */
	openUntil: number;
}

interface RunClocks {
	clocks: Map<number, SharedClock>;
	/** Attempts under way in this node run: all stopped when the execution is. */
	live: Set<AbortController>;
	/** Listens to the execution's cancel signal only while an attempt is under way (the signal outlives the run). */
	onCancel?: () => void;
}

const clocksByRun = new WeakMap<object, RunClocks>();

/** How much later than its Timeout an attempt may be stopped: the window in which attempts share a clock. */
export function deadlineWindowMs(timeoutMs: number): number {
	return Math.min(1000, Math.max(5, Math.floor(timeoutMs / 100)));
}

function runClocksOf(context: OpenAiFunctions): RunClocks {
	let run = clocksByRun.get(context);
	if (!run) {
		run = { clocks: new Map(), live: new Set() };
		clocksByRun.set(context, run);
	}
	return run;
}

function sharedClock(run: RunClocks, timeoutMs: number): SharedClock {
	const now = Date.now();
	const current = run.clocks.get(timeoutMs);
	if (current && now < current.openUntil) return current;
	const windowMs = deadlineWindowMs(timeoutMs);
	const timeUp = AbortSignal.timeout(timeoutMs + windowMs);
	const clock: SharedClock = { timeUp, attempts: new Set(), openUntil: now + windowMs };
	timeUp.addEventListener(
		'abort',
		() => {
			for (const attempt of clock.attempts) attempt.abort(timeUp.reason);
		},
		{ once: true },
	);
	run.clocks.set(timeoutMs, clock);
	return clock;
}

export function startDeadline(context: OpenAiFunctions, timeoutMs: number): Deadline {
	const cancel = cancelSignalOf(context);
	const run = runClocksOf(context);
	const clock = sharedClock(run, timeoutMs);
	const attempt = new AbortController();
	clock.attempts.add(attempt);
	if (cancel?.aborted) attempt.abort(cancel.reason);
	else if (cancel) {
		run.live.add(attempt);
		if (!run.onCancel) {
			const onCancel = () => {
				for (const live of run.live) live.abort(cancel.reason);
			};
			run.onCancel = onCancel;
			cancel.addEventListener('abort', onCancel, { once: true });
		}
	}
	return {
		signal: attempt.signal,
		expired: () => clock.timeUp.aborted && !cancel?.aborted,
		cancelled: () => cancel?.aborted === true,
		finish: () => {
			clock.attempts.delete(attempt);
			run.live.delete(attempt);
			if (cancel && run.onCancel && run.live.size === 0) {
				cancel.removeEventListener('abort', run.onCancel);
				run.onCancel = undefined;
			}
		},
	};
}

/**
 * n8n's request helper sets `abortSignal` to whatever the calling context's `getExecutionCancelSignal()` gives,
 * replacing the one in the options (n8n-core 2.x). So the helper is called on a context that answers the deadline's
 * signal there, and everything else comes from the node's own context. The signal also goes in the options, for n8n
 * versions that take it from there.
 */
export function withDeadline(
	context: OpenAiFunctions,
	options: IHttpRequestOptions,
	deadline: Deadline,
): { caller: OpenAiFunctions; options: IHttpRequestOptions } {
	const caller = {
		getNode: () => context.getNode(),
		getCredentials: context.getCredentials.bind(context),
		helpers: context.helpers,
		getExecutionCancelSignal: () => deadline.signal,
	} as unknown as OpenAiFunctions;
	return { caller, options: { ...options, abortSignal: deadline.signal } };
}

export interface InterruptionFacts {
	connectionCode: string;
	interruption?: Interruption;
	/** The Timeout, when the answer stalled. */
	timeoutMs?: number;
}

interface ErrorShape {
	message?: unknown;
	messages?: unknown;
	description?: unknown;
	code?: unknown;
	cause?: ErrorShape;
}

function textsOf(error: unknown): string[] {
	const texts: string[] = [];
	let current = error as ErrorShape | undefined;
	for (let depth = 0; current && depth < 4; depth++, current = current.cause) {
		for (const text of [current.message, current.description, current.code]) {
			if (typeof text === 'string') texts.push(text);
		}
		if (Array.isArray(current.messages)) texts.push(...current.messages.filter((text) => typeof text === 'string'));
	}
	return texts;
}

/**
 * Reads a failed attempt: a deadline that expired means the answer stalled (whatever error the abort produced);
 * an answer stream that was aborted means the connection was cut while the answer was being read.
 */
export function classifyInterruption(
	error: unknown,
	deadline: Deadline,
	timeoutMs: number,
): InterruptionFacts | undefined {
	if (deadline.expired()) return { connectionCode: 'ETIMEDOUT', interruption: 'stalled', timeoutMs };
	if (textsOf(error).some((text) => /stream has been aborted|\baborted\b.*respon|ERR_STREAM_PREMATURE_CLOSE/i.test(text))) {
		return { connectionCode: 'ECONNRESET', interruption: 'cut mid-answer' };
	}
	return undefined;
}

export type Attempt = { response: RawResponse } | { failure: OpenAiFailure };

/** n8n's idle timer fires this much after the deadline, so that the deadline decides and names what happened. */
const IDLE_TIMER_SLACK_MS = 1_000;

/**
 * One attempt over the wire, with the credential as given (its organization and project are what `authenticate`
 * sends). The Timeout bounds the whole attempt, first byte to last; n8n's own `timeout` (an idle timer) is only a
 * fallback. Every answer comes back as a response, whatever its status; only a failed connection is a failure.
 */
export async function sendOnce(
	this: OpenAiFunctions,
	credentials: LoadedCredentials['decrypted'],
	options: IHttpRequestOptions & { timeout: number },
	retries: number,
): Promise<Attempt> {
	const timeoutMs = options.timeout;
	const deadline = startDeadline(this, timeoutMs);
	const idleTimeoutMs = timeoutMs + deadlineWindowMs(timeoutMs) + IDLE_TIMER_SLACK_MS;
	const call = withDeadline(this, { ...options, timeout: idleTimeoutMs }, deadline);
	try {
		// Handing over the credential already read spares n8n a second database read and decryption per request.
		const response = (await this.helpers.httpRequestWithAuthentication.call(
			call.caller,
			credentials.type,
			{ ...call.options, returnFullResponse: true, ignoreHttpStatusErrors: true, json: true },
			{ credentialsDecrypted: { ...credentials, data: { ...credentials.data } } },
		)) as RawResponse;
		return { response };
	} catch (error) {
		// The user stopped the execution: nothing to retry or explain.
		if (deadline.cancelled()) return { failure: { connectionCode: 'CANCELLED', interruption: 'cancelled', retries } };
		const interrupted = classifyInterruption(error, deadline, timeoutMs);
		if (interrupted) return { failure: { ...interrupted, retries } };
		return { failure: { connectionCode: connectionErrorCode(error) ?? 'UNKNOWN', retries } };
	} finally {
		deadline.finish();
	}
}

/** A body as JSON (n8n leaves text it could not parse as text); an empty body is an empty object. */
function parseBody(body: unknown): { value?: unknown; malformed: boolean } {
	if (typeof body !== 'string') return { value: body, malformed: false };
	if (body.trim() === '') return { value: {}, malformed: false };
	try {
		return { value: JSON.parse(body), malformed: false };
	} catch {
		return { malformed: true };
	}
}

/** OpenAI's error object (`{ error: { message, code, type, param } }`) of a refusal, as far as it is there. */
function failureFromRefusal(response: RawResponse, retries: number): OpenAiFailure {
	const parsed = parseBody(response.body);
	const error = ((parsed.value as IDataObject | undefined)?.error ?? {}) as IDataObject;
	const failure: OpenAiFailure = {
		status: response.statusCode,
		openAiMessage: typeof error.message === 'string' ? error.message : undefined,
		openAiCode: typeof error.code === 'string' ? error.code : null,
		openAiType: typeof error.type === 'string' ? error.type : undefined,
		openAiParam: typeof error.param === 'string' ? error.param : null,
		requestId: headerValue(response.headers, 'x-request-id'),
		retries,
	};
	if (failure.status === 429) failure.requestedWaitMs = requestedWaitBeyondCapMs(response.headers);
	return failure;
}

/** What an answer means: its body when it is a success in JSON (or as text, when asked), the failure otherwise. */
export function readAnswer(
	response: RawResponse,
	retries: number,
	asText = false,
): { body: unknown } | { failure: OpenAiFailure } {
	if (response.statusCode < 200 || response.statusCode >= 300) {
		return { failure: failureFromRefusal(response, retries) };
	}
	if (asText) return { body: typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '') };
	const parsed = parseBody(response.body);
	if (!parsed.malformed) return { body: parsed.value };
	return {
		failure: {
			status: response.statusCode,
			malformedBody: true,
			requestId: headerValue(response.headers, 'x-request-id'),
			retries,
		},
	};
}
