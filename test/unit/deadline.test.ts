/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: counts the listeners on an abort signal; never runs inside n8n */
import { getEventListeners } from 'node:events';

import { sleep } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { classifyInterruption, deadlineWindowMs, startDeadline, withDeadline } from '../../nodes/shared/transport/attempt';
import { explainInterruption, waitInWords } from '../../nodes/shared/transport/errors';

function contextWith(cancel?: AbortController): IExecuteFunctions {
	return {
		getNode: () => ({ name: 'n' }),
		getCredentials: async () => ({}),
		helpers: {},
		...(cancel ? { getExecutionCancelSignal: () => cancel.signal } : {}),
	} as unknown as IExecuteFunctions;
}

describe('the deadline of one attempt', () => {
	test('expires when the time is up, and is then named a stall', async () => {
		const deadline = startDeadline(contextWith(new AbortController()), 20);
		expect(deadline.expired()).toBe(false);
		await sleep(60);
		expect(deadline.signal.aborted).toBe(true);
		expect(deadline.expired()).toBe(true);
		expect(deadline.cancelled()).toBe(false);
		expect(classifyInterruption(new Error('canceled'), deadline, 20)).toEqual({
			connectionCode: 'ETIMEDOUT',
			interruption: 'stalled',
			timeoutMs: 20,
		});
	});

	test('follows the execution being stopped, which is not a stall', () => {
		const cancel = new AbortController();
		const deadline = startDeadline(contextWith(cancel), 60_000);
		cancel.abort();
		expect(deadline.signal.aborted).toBe(true);
		expect(deadline.cancelled()).toBe(true);
		expect(deadline.expired()).toBe(false);
	});

	test("is what n8n's helper will read as the cancel signal, and is in the options too", () => {
		const context = contextWith(new AbortController());
		const deadline = startDeadline(context, 60_000);
		const { caller, options } = withDeadline(context, { url: 'http://127.0.0.1/v1/x', timeout: 5 }, deadline);
		expect((caller as unknown as { getExecutionCancelSignal: () => AbortSignal }).getExecutionCancelSignal()).toBe(
			deadline.signal,
		);
		expect(options.abortSignal).toBe(deadline.signal);
		expect(caller.getNode()).toEqual({ name: 'n' });
	});

	test('works without an execution cancel signal (editor lists)', () => {
		const deadline = startDeadline(contextWith(), 60_000);
		expect(deadline.signal.aborted).toBe(false);
		expect(deadline.cancelled()).toBe(false);
	});
});

describe('attempts share a clock within one window', () => {
	const abortedAt = (signal: AbortSignal) =>
		new Promise<number>((resolve) => signal.addEventListener('abort', () => resolve(Date.now()), { once: true }));

	test('the window is a hundredth of the Timeout, 5 ms to 1 s', () => {
		expect(deadlineWindowMs(100)).toBe(5);
		expect(deadlineWindowMs(3_000)).toBe(30);
		expect(deadlineWindowMs(300_000)).toBe(1_000);
	});

	test('an attempt that joined a clock last is never stopped before its Timeout, and at most one window after', async () => {
		const timeoutMs = 1_000;
		const context = contextWith(new AbortController());
		const firstStarted = Date.now();
		const first = startDeadline(context, timeoutMs);
		while (Date.now() - firstStarted < deadlineWindowMs(timeoutMs) / 2) {
			// the second attempt starts half a window later, still inside it
		}
		const lastStarted = Date.now();
		const last = startDeadline(context, timeoutMs);
		const [firstFired, lastFired] = await Promise.all([abortedAt(first.signal), abortedAt(last.signal)]);
		expect(lastFired - firstFired).toBeLessThanOrEqual(1);
		expect(lastFired - lastStarted).toBeGreaterThanOrEqual(timeoutMs - 1);
		expect(lastFired - firstStarted).toBeLessThan(timeoutMs + deadlineWindowMs(timeoutMs) + 250);
		expect(last.expired()).toBe(true);
	});

	test('an attempt a window later runs on a clock of its own', async () => {
		const timeoutMs = 200;
		const context = contextWith(new AbortController());
		const first = startDeadline(context, timeoutMs);
		await sleep(100);
		const later = startDeadline(context, timeoutMs);
		const [firstFired, laterFired] = await Promise.all([abortedAt(first.signal), abortedAt(later.signal)]);
		expect(laterFired - firstFired).toBeGreaterThanOrEqual(90);
	});

	test('fifty attempts at once: one signal each, one listener on the execution signal, none once they are over', () => {
		const cancel = new AbortController();
		const context = contextWith(cancel);
		const deadlines = Array.from({ length: 50 }, () => startDeadline(context, 60_000));
		expect(new Set(deadlines.map((deadline) => deadline.signal)).size).toBe(50);
		expect(getEventListeners(cancel.signal, 'abort')).toHaveLength(1);
		for (const deadline of deadlines) deadline.finish();
		expect(getEventListeners(cancel.signal, 'abort')).toHaveLength(0);
	});

	test('stopping the execution stops every attempt under way, and any started after', () => {
		const cancel = new AbortController();
		const context = contextWith(cancel);
		const under = [startDeadline(context, 60_000), startDeadline(context, 60_000)];
		cancel.abort();
		expect(under.map((deadline) => [deadline.signal.aborted, deadline.cancelled(), deadline.expired()])).toEqual([
			[true, true, false],
			[true, true, false],
		]);
		const after = startDeadline(context, 60_000);
		expect([after.signal.aborted, after.cancelled(), after.expired()]).toEqual([true, true, false]);
	});

	test('an attempt that is over is not stopped when its clock fires', async () => {
		const context = contextWith();
		const over = startDeadline(context, 50);
		const running = startDeadline(context, 50);
		over.finish();
		await abortedAt(running.signal);
		expect(over.signal.aborted).toBe(false);
	});
});

describe('naming an interrupted answer', () => {
	test('an aborted answer stream is a cut connection', () => {
		const deadline = startDeadline(contextWith(), 60_000);
		const wrapped = { message: 'The connection failed', cause: { message: 'stream has been aborted', code: 'ERR_BAD_RESPONSE' } };
		expect(classifyInterruption(wrapped, deadline, 60_000)).toEqual({ connectionCode: 'ECONNRESET', interruption: 'cut mid-answer' });
		expect(classifyInterruption({ message: 'connect ECONNREFUSED' }, deadline, 60_000)).toBeUndefined();
	});

	test('messages say what happened and how often it was retried', () => {
		expect(explainInterruption({ interruption: 'stalled', timeoutMs: 3_000, retries: 0 })?.message).toBe(
			"OpenAI's answer stalled: it was not complete after 3 s",
		);
		expect(explainInterruption({ interruption: 'cut mid-answer', retries: 3 })?.message).toBe(
			'The connection was cut while reading the answer from OpenAI, after 3 retries',
		);
		expect(explainInterruption({ retries: 0 })).toBeUndefined();
	});

	test.each([
		[3_600_000, '1 hour'],
		[5_400_000, '1.5 hours'],
		[600_000, '10 minutes'],
		[90_000, '90 s'],
	])('a requested wait of %d ms reads "%s"', (ms, words) => {
		expect(waitInWords(ms)).toBe(words);
	});
});
