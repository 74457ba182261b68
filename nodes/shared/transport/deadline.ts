import type { IHttpRequestOptions } from 'n8n-workflow';

import type { OpenAiFunctions } from './request';

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
	return {
		signal: cancel ? AbortSignal.any([cancel, timeUp]) : timeUp,
		expired: () => timeUp.aborted && cancel?.aborted !== true,
		cancelled: () => cancel?.aborted === true,
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
