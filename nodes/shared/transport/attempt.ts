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
	/** The attempt is over: stop listening to the execution's signal (it lives as long as the execution). */
	finish(): void;
}

type CancellableContext = { getExecutionCancelSignal?: () => AbortSignal | undefined };

/** The execution's own cancel signal (the user pressed Stop), when this n8n gives one. */
export function cancelSignalOf(context: OpenAiFunctions): AbortSignal | undefined {
	const getCancelSignal = (context as CancellableContext).getExecutionCancelSignal;
	return typeof getCancelSignal === 'function' ? getCancelSignal.call(context) : undefined;
}

export function startDeadline(context: OpenAiFunctions, timeoutMs: number): Deadline {
	const cancel = cancelSignalOf(context);
	const timeUp = AbortSignal.timeout(timeoutMs);
	if (!cancel) {
		return { signal: timeUp, expired: () => timeUp.aborted, cancelled: () => false, finish: () => {} };
	}
	// One controller fed by both signals: AbortSignal.any costs about 0.1 ms a call on Node 20, which
	// showed in the chat node's profile at 50 items at once.
	const controller = new AbortController();
	const fromCancel = () => controller.abort(cancel.reason);
	const fromTimeout = () => controller.abort(timeUp.reason);
	if (cancel.aborted) fromCancel();
	else cancel.addEventListener('abort', fromCancel, { once: true });
	timeUp.addEventListener('abort', fromTimeout, { once: true });
	return {
		signal: controller.signal,
		expired: () => timeUp.aborted && !cancel.aborted,
		cancelled: () => cancel.aborted,
		finish: () => {
			cancel.removeEventListener('abort', fromCancel);
			timeUp.removeEventListener('abort', fromTimeout);
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
	const call = withDeadline(this, { ...options, timeout: timeoutMs + IDLE_TIMER_SLACK_MS }, deadline);
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
