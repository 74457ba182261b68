import {
	estimateRequestTokens,
	Pacer,
	parseDuration,
	readRateLimitHeaders,
	pacingScope,
} from '../../nodes/shared/transport/pacing';
import { requestedTokens } from '../openai-server/rateLimits';
import { simulate } from './pacingSimulation';

const CHAT_LIMITS = { model: { requestsPerMinute: 500, tokensPerMinute: 150_000 } };

describe('reading what OpenAI says about its limits', () => {
	test('reset times in Go notation, as OpenAI writes them, become milliseconds', () => {
		expect(parseDuration('644ms')).toBe(644);
		expect(parseDuration('1s')).toBe(1000);
		expect(parseDuration('1.5s')).toBe(1500);
		expect(parseDuration('6m0s')).toBe(360_000);
		expect(parseDuration('1h2m3.5s')).toBe(3_723_500);
		expect(parseDuration('2')).toBe(2000);
		expect(parseDuration('soon')).toBeUndefined();
		expect(parseDuration('5s later')).toBeUndefined();
	});

	test('the six x-ratelimit headers are read; an answer without any gives no reading', () => {
		expect(
			readRateLimitHeaders({
				'x-ratelimit-limit-requests': '500',
				'x-ratelimit-remaining-requests': '499',
				'x-ratelimit-reset-requests': '120ms',
				'x-ratelimit-limit-tokens': '150000',
				'x-ratelimit-remaining-tokens': '149750',
				'x-ratelimit-reset-tokens': '6m0s',
			}),
		).toEqual({
			limitRequests: 500,
			remainingRequests: 499,
			resetRequestsMs: 120,
			limitTokens: 150_000,
			remainingTokens: 149_750,
			resetTokensMs: 360_000,
		});
		expect(readRateLimitHeaders({ 'x-request-id': 'req_1' })).toBeUndefined();
	});

	test("a chat request's tokens are estimated as OpenAI counts them: characters / 4 plus the answer's maximum", () => {
		const body = {
			model: 'gpt-4o-mini',
			messages: [
				{ role: 'system', content: 'x'.repeat(40) },
				{ role: 'user', content: 'y'.repeat(401) },
			],
			max_completion_tokens: 100,
		};
		expect(estimateRequestTokens(body)).toBe(111 + 100);
		// The test server charges the same, so a benchmark measures pacing, not a difference in counting.
		expect(requestedTokens(body).tokens).toBe(estimateRequestTokens(body));
		expect(estimateRequestTokens({ limit: 100 })).toBe(0);
	});

	test('a Responses request counts its input, its instructions and max_output_tokens the same way', () => {
		const body = {
			model: 'gpt-4o-mini',
			instructions: 'x'.repeat(40),
			input: [{ role: 'user', content: 'y'.repeat(401) }],
			max_output_tokens: 100,
		};
		expect(estimateRequestTokens(body)).toBe(111 + 100);
		expect(requestedTokens(body).tokens).toBe(estimateRequestTokens(body));
		expect(estimateRequestTokens({ input: 'z'.repeat(8) })).toBe(2);
	});
});

describe('pacing under enforced limits (simulated clock, the test server\'s own limiter)', () => {
	test('2,000 chat requests at 500 RPM finish close to the 4 minutes the limit allows, without a 429', () => {
		const run = simulate({ requests: 2000, tokens: 250, concurrency: 10, latencyMs: 100, limits: CHAT_LIMITS });
		expect(run.refusals).toBe(0);
		expect(run.wallMs).toBeGreaterThan(240_000 * 0.99);
		expect(run.wallMs).toBeLessThan(240_000 * 1.05);
	});

	test('when tokens are the tighter limit, the pacer keeps to the tokens per minute', () => {
		// 600 tokens a request: 150,000 TPM allow 250 requests a minute, fewer than the 500 RPM.
		const run = simulate({ requests: 500, tokens: 600, concurrency: 10, latencyMs: 100, limits: CHAT_LIMITS });
		expect(run.refusals).toBe(0);
		expect(run.wallMs).toBeLessThan(120_000 * 1.05);
	});

	test('many requests at once at the start do not add up to a burst over the limit', () => {
		const run = simulate({
			requests: 300,
			tokens: 10,
			concurrency: 50,
			latencyMs: 100,
			limits: { model: { requestsPerMinute: 100, tokensPerMinute: 1_000_000 } },
		});
		expect(run.refusals).toBe(0);
	});

	test('with another program using the same organization, 429s stay few and every request gets through', () => {
		const run = simulate({
			requests: 600,
			tokens: 100,
			concurrency: 10,
			latencyMs: 100,
			limits: CHAT_LIMITS,
			otherRequestsPerSecond: 3,
		});
		expect(run.sends.filter((send) => !send.refused)).toHaveLength(600);
		expect(run.refusals).toBeLessThanOrEqual(5);
	});

	test('the Admin API without headers: every archive gets through at close to 10 per window, with few 429s', () => {
		const run = simulate({
			requests: 300,
			tokens: 0,
			concurrency: 1,
			latencyMs: 20,
			headerless: true,
			limits: { admin: { requestsPerMinute: 10, windowMs: 6_000 } },
		});
		expect(run.sends.filter((send) => !send.refused)).toHaveLength(300);
		expect(run.refusals).toBeLessThanOrEqual(15);
		// 300 requests at 10 per 6 s: 180 s at best.
		expect(run.wallMs).toBeLessThan(180_000 * 1.15);
	});
});

describe('after a 429', () => {
	const reading = { limitRequests: 600, remainingRequests: 0, resetRequestsMs: 60_000, limitTokens: 1e6 };

	test('every request waits as long as OpenAI asked', () => {
		const pacer = new Pacer();
		pacer.started(0, 0);
		pacer.refused(100, 0, reading, 2_000);
		expect(pacer.delayFor(0, 100)).toBe(2_000);
		expect(pacer.delayFor(0, 2_100)).toBe(0);
	});

	test('it resumes at half the rate, not in a burst, and comes back to full rate step by step', () => {
		const pacer = new Pacer();
		pacer.started(0, 0);
		pacer.refused(100, 0, reading, 1_000);
		const starts: number[] = [];
		let now = 1_100;
		for (let i = 0; i < 30; i++) {
			now += pacer.delayFor(0, now);
			pacer.started(0, now);
			starts.push(now);
			pacer.answered({ ...reading, remainingRequests: 300 }, now);
		}
		const gaps = starts.slice(1).map((start, i) => start - starts[i]);
		const fullRateGap = 60_000 / 600 / 0.97;
		expect(gaps[0]).toBeGreaterThanOrEqual(fullRateGap * 1.5);
		expect(gaps.every((gap) => gap >= fullRateGap - 1)).toBe(true);
		expect(gaps[gaps.length - 1]).toBeLessThan(fullRateGap + 2);
	});

	test('without any hint it backs off 0.5 s, then 1 s, 2 s… while refusals go on', () => {
		const pacer = new Pacer();
		expect(pacer.refused(0, 0, undefined)).toBe(500);
		expect(pacer.refused(500, 500, undefined)).toBe(1_000);
		expect(pacer.refused(1_500, 1_500, undefined)).toBe(2_000);
	});
});


describe('what shares a pace', () => {
	test('model calls share one per organization and project; each Admin API endpoint has its own, whatever the ID', () => {
		expect(pacingScope('POST', '/chat/completions', 'org-a', 'proj_b')).toBe(pacingScope('GET', '/models', 'org-a', 'proj_b'));
		expect(pacingScope('POST', '/chat/completions', 'org-a', '')).not.toBe(pacingScope('POST', '/chat/completions', 'org-c', ''));
		expect(pacingScope('POST', '/organization/projects/proj_abc123DEF456/archive', '', '')).toBe(
			pacingScope('POST', '/organization/projects/proj_zzz999yyy888/archive', '', ''),
		);
		expect(pacingScope('POST', '/organization/projects/proj_abc123DEF456/archive', '', '')).not.toBe(
			pacingScope('GET', '/organization/projects', '', ''),
		);
		expect(pacingScope('GET', '/organization/usage/completions', '', '')).toBe('admin GET /organization/usage/completions');
	});
});
