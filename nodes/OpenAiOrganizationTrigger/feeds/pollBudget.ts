import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/**
 * How long one poll may spend on OpenAI. n8n's durable scheduler (n8n 2.45 and later) abandons a poll after
 * N8N_SCHEDULER_POLL_TIMEOUT, 60 s by default, and the shortest poll interval n8n allows is a minute. A poll stops
 * before its next request once the budget is spent, and a request gets only what is left of it, so a poll ends
 * within about twice the budget (50 s), before n8n gives up on it and before the next poll is due.
 */
export const POLL_LIMITS = { budgetMs: 25_000 };
/** The least a request is given, so that a poll near its budget still gets an answer it can use. */
const MIN_REQUEST_MS = 1_000;

/**
 * A poll's time with OpenAI. Requests are not retried inside a poll: a rate limit (429) or a server error (5xx)
 * ends the poll at once with the error and its HTTP status, the trigger remembers what it did before, and the next
 * poll is the retry. n8n backs off after such an error (the durable scheduler waits longer after each one, and as
 * long as a Retry-After asks), which a retry loop inside the poll would only defeat.
 */
export class PollBudget {
	private readonly startedAt = Date.now();

	constructor(private readonly node: INode) {}

	private remainingMs(): number {
		return POLL_LIMITS.budgetMs - (Date.now() - this.startedAt);
	}

	/** What every request of a poll is sent with: no retries, at most what is left of the budget. */
	requestOptions(): { maxRetries: number; timeoutMs: number } {
		return { maxRetries: 0, timeoutMs: Math.max(MIN_REQUEST_MS, this.remainingMs()) };
	}

	/** Before each further request (a next page, the next project's keys). */
	checkBeforeRequest(): void {
		if (this.remainingMs() > 0) return;
		const seconds = Math.round(POLL_LIMITS.budgetMs / 1000);
		throw new NodeOperationError(this.node, `The poll stopped after ${seconds} s of requests to OpenAI, before it had read everything`, {
			description:
				'Nothing was emitted and the trigger still remembers where it was, so the next poll reads the same again. If this repeats, OpenAI is slow to answer, or the organization has more projects than a poll can read (watch fewer events, or ask n8n to poll less often).',
		});
	}
}
