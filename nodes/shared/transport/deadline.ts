import type { IHttpRequestOptions } from 'n8n-workflow';

import type { OpenAiFunctions } from './functions';

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
