import type { IHttpRequestOptions } from 'n8n-workflow';

import { startDeadline, withDeadline } from './deadline';
import type { OpenAiFailure } from './errors';
import type { OpenAiFunctions } from './functions';
import { classifyInterruption } from './interruptions';
import type { LoadedCredentials } from './loadCredentials';
import type { RawResponse } from './responseBody';
import { connectionErrorCode } from './retry';

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
