import * as E from './errors';
import type { FaultRule } from './types';

type ErrorFault = Extract<
	FaultRule,
	{ kind: 'rate_limit' | 'insufficient_quota' | 'server_error' }
>;

export function isErrorFault(rule: FaultRule): rule is ErrorFault {
	return (
		rule.kind === 'rate_limit' || rule.kind === 'insufficient_quota' || rule.kind === 'server_error'
	);
}

/** The answer an error fault gives instead of processing the request. */
export function faultError(
	rule: ErrorFault,
	organizationId: string,
	model: string | undefined,
): E.OpenAiError {
	if (rule.kind === 'insufficient_quota') return E.insufficientQuota();
	if (rule.kind === 'server_error') return E.serverError(rule.status);

	const retryMs =
		rule.retryAfterMs ??
		(rule.retryAfterSeconds !== undefined ? rule.retryAfterSeconds * 1000 : 644);
	const error = E.rateLimitFault(organizationId, model, retryMs);
	if (rule.retryAfterSeconds !== undefined)
		error.headers['retry-after'] = String(rule.retryAfterSeconds);
	if (rule.retryAfterMs !== undefined) error.headers['retry-after-ms'] = String(rule.retryAfterMs);
	if (rule.rateLimitHeaders) {
		Object.assign(error.headers, {
			'x-ratelimit-limit-requests': '60',
			'x-ratelimit-remaining-requests': '0',
			'x-ratelimit-reset-requests': `${Math.ceil(retryMs / 1000)}s`,
			'x-ratelimit-limit-tokens': '30000',
			'x-ratelimit-remaining-tokens': '63',
			'x-ratelimit-reset-tokens': `${retryMs}ms`,
		});
	}
	return error;
}
