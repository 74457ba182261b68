import { sleep } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { classifyInterruption, startDeadline, withDeadline } from '../../nodes/shared/transport/attempt';
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
