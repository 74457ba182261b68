/* eslint-disable @n8n/community-nodes/require-node-api-error -- test code: a simulation in plain Node, never inside n8n */
import { Pacer, readRateLimitHeaders } from '../../nodes/shared/transport/pacing';
import type { Caller } from '../openai-server/auth';
import { OpenAiError } from '../openai-server/errors';
import { RateLimits } from '../openai-server/rateLimits';
import type { RateLimitSettings } from '../openai-server/rateLimits';

/**
 * Runs the pacer against the test server's own rate limiter on a simulated clock: `concurrency` workers send
 * `requests` requests of `tokens` each, every answer takes `latencyMs`, a 429 is retried (the transport's rule).
 * Nothing sleeps, so a 4-minute run takes milliseconds.
 */
export interface Simulation {
	requests: number;
	tokens: number;
	concurrency: number;
	latencyMs: number;
	limits: RateLimitSettings;
	/** The Admin API: answers carry no headers and its 429s no Retry-After. */
	headerless?: boolean;
	/** Requests the same organization gets from elsewhere, per second, from the start. */
	otherRequestsPerSecond?: number;
}

export interface SimulatedRun {
	wallMs: number;
	refusals: number;
	/** Start time and outcome of every request sent, in order. */
	sends: Array<{ at: number; refused: boolean }>;
}

const caller = {
	keyFingerprint: 'sk-...sim1',
	organizationId: 'org-simulated',
	projectId: null,
	grant: { kind: 'project' },
} as unknown as Caller;

export function simulate(simulation: Simulation): SimulatedRun {
	const limits = new RateLimits(simulation.limits);
	const pacer = new Pacer();
	const sends: SimulatedRun['sends'] = [];
	// A tiny event queue: [time, order, action]; order keeps events of the same time in submission order.
	const events: Array<[number, number, () => void]> = [];
	let order = 0;
	const at = (time: number, action: () => void) => {
		events.push([time, order++, action]);
	};
	let next = 0;
	let done = 0;
	let wallMs = 0;

	const answer = (now: number): { status: number; headers: Record<string, string>; advisedMs?: number } => {
		try {
			if (simulation.headerless) {
				limits.admitAdmin(caller, 'POST /archive', now);
				return { status: 200, headers: {} };
			}
			limits.admitModel(caller, 'gpt-4o-mini', simulation.tokens, now);
			return { status: 200, headers: limits.headers(caller, now) };
		} catch (error) {
			if (!(error instanceof OpenAiError)) throw error;
			const retryAfter = error.headers['retry-after'];
			return { status: 429, headers: error.headers, advisedMs: retryAfter ? Number(retryAfter) * 1000 : undefined };
		}
	};

	const attempt = (now: number) => {
		const wait = pacer.delayFor(simulation.tokens, now);
		if (wait > 0) return at(now + wait, () => attempt(now + wait));
		pacer.started(simulation.tokens, now);
		const result = answer(now);
		sends.push({ at: now, refused: result.status === 429 });
		at(now + simulation.latencyMs, () => {
			const answeredAt = now + simulation.latencyMs;
			const reading = readRateLimitHeaders(result.headers);
			if (result.status === 429) {
				pacer.refused(answeredAt, now, reading, result.advisedMs);
				return attempt(answeredAt);
			}
			pacer.answered(reading, now);
			done++;
			wallMs = Math.max(wallMs, answeredAt);
			if (next < simulation.requests) {
				next++;
				attempt(answeredAt);
			}
		});
	};

	for (let worker = 0; worker < Math.min(simulation.concurrency, simulation.requests); worker++) {
		next++;
		at(0, () => attempt(0));
	}
	if (simulation.otherRequestsPerSecond) {
		const gap = 1000 / simulation.otherRequestsPerSecond;
		const other = { ...caller } as Caller;
		const sendOther = (now: number) => {
			if (done >= simulation.requests) return;
			try {
				limits.admitModel(other, 'gpt-4o-mini', simulation.tokens, now);
			} catch {
				// the other program's refusals are its own business
			}
			at(now + gap, () => sendOther(now + gap));
		};
		at(0, () => sendOther(0));
	}

	while (events.length) {
		events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
		const [, , action] = events.shift() as [number, number, () => void];
		action();
	}
	return { wallMs, refusals: sends.filter((send) => send.refused).length, sends };
}
