import {
	MAX_RETRY_AFTER_MS,
	connectionErrorCode,
	isRetryableStatus,
	retryDelayMs,
	serverRetryAdvice,
	serverCannotHaveActed,
} from '../../nodes/shared/transport/retry';

describe('retry policy', () => {
	it('retries rate limits, timeouts, conflicts and server errors but never an empty quota', () => {
		expect(isRetryableStatus(429, 'rate_limit_exceeded')).toBe(true);
		expect(isRetryableStatus(429, null)).toBe(true);
		expect(isRetryableStatus(429, 'insufficient_quota')).toBe(false);
		for (const status of [408, 409, 500, 502, 503, 504]) expect(isRetryableStatus(status, null)).toBe(true);
		for (const status of [400, 401, 403, 404, 422]) expect(isRetryableStatus(status, null)).toBe(false);
	});

	it('backs off exponentially from half a second up to eight, with at most a quarter of jitter', () => {
		expect(retryDelayMs(0, {}, () => 0)).toBe(500);
		expect(retryDelayMs(1, {}, () => 0)).toBe(1000);
		expect(retryDelayMs(3, {}, () => 0)).toBe(4000);
		expect(retryDelayMs(10, {}, () => 0)).toBe(8000);
		expect(retryDelayMs(0, {}, () => 1)).toBe(375);
		for (let i = 0; i < 50; i++) {
			const delay = retryDelayMs(2, {});
			expect(delay).toBeGreaterThanOrEqual(1500);
			expect(delay).toBeLessThanOrEqual(2000);
		}
	});

	it('honours retry-after-ms first, then Retry-After in seconds or as a date', () => {
		expect(retryDelayMs(0, { 'retry-after-ms': '120', 'retry-after': '9' })).toBe(120);
		expect(retryDelayMs(0, { 'retry-after': '2' })).toBe(2000);
		const inThreeSeconds = new Date(Date.now() + 3000).toUTCString();
		const delay = retryDelayMs(0, { 'retry-after': inThreeSeconds });
		expect(delay).toBeGreaterThan(1000);
		expect(delay).toBeLessThanOrEqual(3000);
	});

	it('ignores a Retry-After longer than a minute and backs off instead', () => {
		expect(retryDelayMs(0, { 'retry-after': String(MAX_RETRY_AFTER_MS / 1000 + 1) }, () => 0)).toBe(500);
	});

	it('follows x-should-retry when OpenAI sends it', () => {
		expect(serverRetryAdvice({ 'x-should-retry': 'true' })).toBe(true);
		expect(serverRetryAdvice({ 'x-should-retry': 'false' })).toBe(false);
		expect(serverRetryAdvice({})).toBeUndefined();
	});

	it('recognises dropped connections, also when n8n wraps them', () => {
		expect(connectionErrorCode({ code: 'ECONNRESET' })).toBe('ECONNRESET');
		expect(connectionErrorCode({ cause: { code: 'ECONNREFUSED' } })).toBe('ECONNREFUSED');
		expect(connectionErrorCode(new Error('socket hang up'))).toBe('ECONNRESET');
		expect(connectionErrorCode(new Error('Unexpected token'))).toBeUndefined();
	});

	it('treats only refusals at the door as surely not processed', () => {
		expect(serverCannotHaveActed({ status: 429 })).toBe(true);
		expect(serverCannotHaveActed({ connectionCode: 'ECONNREFUSED' })).toBe(true);
		expect(serverCannotHaveActed({ status: 500 })).toBe(false);
		expect(serverCannotHaveActed({ status: 503 })).toBe(false);
		expect(serverCannotHaveActed({ connectionCode: 'ECONNRESET' })).toBe(false);
	});
});

describe('dropped connections as n8n reports them', () => {
	it('reads the code n8n keeps in httpCode and the text it keeps in messages', () => {
		expect(connectionErrorCode({ httpCode: 'ECONNREFUSED', messages: [] })).toBe('ECONNREFUSED');
		expect(connectionErrorCode({ httpCode: null, messages: ['socket hang up'] })).toBe('ECONNRESET');
		expect(connectionErrorCode({ httpCode: '500', messages: ['Internal error'] })).toBeUndefined();
	});
});
