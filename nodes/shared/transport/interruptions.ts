import type { Deadline } from './deadline';

/**
 * What stopped an attempt other than an error answer: the answer did not finish in time, the connection was cut in
 * it, or the user stopped the execution.
 */
export type Interruption = 'stalled' | 'cut mid-answer' | 'cancelled';

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

function seconds(ms: number): string {
	const value = ms / 1000;
	return `${Number.isInteger(value) ? value : value.toFixed(1)} s`;
}

/** The message and fix for an interrupted answer; undefined for anything else. */
export function explainInterruption(
	failure: { interruption?: Interruption; timeoutMs?: number; retries: number },
): { message: string; fix: string } | undefined {
	const retried =
		failure.retries > 0 ? `, after ${failure.retries} retr${failure.retries === 1 ? 'y' : 'ies'}` : '';
	if (failure.interruption === 'stalled') {
		return {
			message: `OpenAI's answer stalled: it was not complete after ${seconds(failure.timeoutMs ?? 0)}${retried}`,
			fix: `OpenAI was reached, but the answer did not arrive in full within the Timeout, which bounds each attempt as a whole. Try again later, or raise "Timeout (Seconds)" under Request Options if answers are long (e.g. large completions).`,
		};
	}
	if (failure.interruption === 'cancelled') {
		return {
			message: 'The request to OpenAI was stopped because the execution was stopped',
			fix: 'Nothing to fix: run the workflow again when you want it to finish.',
		};
	}
	if (failure.interruption === 'cut mid-answer') {
		return {
			message: `The connection was cut while reading the answer from OpenAI${retried}`,
			fix: 'OpenAI (or a proxy between n8n and it) closed the connection in the middle of the answer. Try again later; if it keeps happening, check the proxy or network between n8n and the Base URL.',
		};
	}
	return undefined;
}

/** "1 hour", "2.5 hours", "5 minutes", "90 s": a server's requested wait in words. */
export function waitInWords(ms: number): string {
	const secondsTotal = Math.round(ms / 1000);
	const round = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
	if (secondsTotal >= 3_600) {
		const hours = Math.round((secondsTotal / 3_600) * 10) / 10;
		return `${round(hours)} hour${hours === 1 ? '' : 's'}`;
	}
	if (secondsTotal >= 120) {
		const minutes = Math.round((secondsTotal / 60) * 10) / 10;
		return `${round(minutes)} minutes`;
	}
	return `${secondsTotal} s`;
}
