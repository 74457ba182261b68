/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultRules } from './faults';
import type { RateLimits, RateLimitSettings } from './rateLimits';
import { handleAuditLogControl } from './auditLogControl';
import { readBody, sendJson } from './http';
import { stateDigest } from './stateDigest';
import { handleVaultControl } from './vaultControl';
import type { BackgroundRules, BatchRules, FaultKind, FaultRule, RecordedRequest, ServerState } from './types';

const FAULT_KINDS: readonly FaultKind[] = [
	'latency',
	'rate_limit',
	'insufficient_quota',
	'server_error',
	'reset_before',
	'reset_after',
	'malformed_json',
	'repeat_cursor',
	'trickle',
	'stall',
	'reset_mid_body',
	'empty_pages',
	'echo_auth',
];

export interface ControlTarget {
	requests: RecordedRequest[];
	faults: FaultRules;
	state: ServerState;
	clearRequests(): void;
	reset(): void;
	limits: RateLimits;
	/** The server's clock (ms), for what control calls add "now". */
	now?: () => number;
}

/** The /__control API, for the e2e suite and the demo, which run the server as a separate process. */
export async function handleControl(
	request: IncomingMessage,
	response: ServerResponse,
	path: string,
	target: ControlTarget,
) {
	const route = `${request.method} ${path}`;
	const raw = await readBody(request);
	const ok = (body: unknown = { ok: true }) => sendJson(response, 200, JSON.stringify(body));
	switch (route) {
		case 'GET /__control/requests':
			return ok(target.requests);
		case 'DELETE /__control/requests':
			target.clearRequests();
			return ok();
		case 'GET /__control/state':
			return ok(target.state);
		case 'GET /__control/digest':
			return ok(stateDigest(target.state));
		case 'POST /__control/reset':
			target.reset();
			return ok();
		case 'GET /__control/limits':
			return ok(target.limits.settings());
		case 'POST /__control/limits': {
			const settings = parseRateLimits(raw);
			if (typeof settings === 'string') return sendJson(response, 400, JSON.stringify({ error: settings }));
			target.limits.configure(settings);
			return ok(target.limits.settings());
		}
		case 'DELETE /__control/faults':
			target.faults.clear();
			return ok();
		case 'POST /__control/faults': {
			const rule = parseFaultRule(raw);
			if (typeof rule === 'string') return sendJson(response, 400, JSON.stringify({ error: rule }));
			target.faults.add(rule);
			return ok();
		}
		case 'GET /__control/batches':
			return ok(target.state.batchRules);
		case 'POST /__control/batches': {
			const rules = parseBatchRules(raw, target.state.batchRules);
			if (typeof rules === 'string') return sendJson(response, 400, JSON.stringify({ error: rules }));
			target.state.batchRules = rules;
			return ok(rules);
		}
		case 'POST /__control/batches/advance': {
			const problem = advanceClock(raw, target.state.batchRules);
			return problem ? sendJson(response, 400, JSON.stringify({ error: problem })) : ok(target.state.batchRules);
		}
		case 'GET /__control/background':
			return ok(target.state.backgroundRules);
		case 'POST /__control/background': {
			const rules = parseBackgroundRules(raw, target.state.backgroundRules);
			if (typeof rules === 'string') return sendJson(response, 400, JSON.stringify({ error: rules }));
			target.state.backgroundRules = rules;
			return ok(rules);
		}
		case 'POST /__control/background/advance': {
			const problem = advanceClock(raw, target.state.backgroundRules);
			return problem ? sendJson(response, 400, JSON.stringify({ error: problem })) : ok(target.state.backgroundRules);
		}
		default:
			if (path.startsWith('/__control/audit_logs') || path === '/__control/channel') return handleAuditLogControl(route, raw, response, target);
			if (path === '/__control/vault') return handleVaultControl(route, raw, response, target);
			return sendJson(response, 404, JSON.stringify({ error: `unknown control route ${route}` }));
	}
}

/** `{"seconds": 3600}` moves a clock (batches', background responses') on; answers a problem, else nothing. */
function advanceClock(raw: string, rules: { clockOffsetSeconds: number }): string | undefined {
	let seconds: number;
	try {
		seconds = Number((JSON.parse(raw || '{}') as { seconds?: unknown }).seconds);
	} catch {
		return 'the body must be JSON: {"seconds": 60}';
	}
	if (!Number.isFinite(seconds) || seconds < 0) return 'seconds must be a number of 0 or more';
	rules.clockOffsetSeconds += seconds;
	return undefined;
}

/** JSON cannot carry RegExp or Infinity: path is a regex source, times may be "Infinity", null or -1. */
export function parseFaultRule(raw: string): FaultRule | string {
	let value: Record<string, unknown>;
	try {
		value = JSON.parse(raw);
	} catch {
		return 'the body must be a JSON fault rule';
	}
	if (!value || typeof value !== 'object' || !FAULT_KINDS.includes(value.kind as FaultKind)) {
		return `kind must be one of ${FAULT_KINDS.join(', ')}`;
	}
	const rule = { ...value } as Record<string, unknown>;
	if (typeof value.path === 'string') rule.path = new RegExp(value.path);
	if (value.times === 'Infinity' || value.times === null || value.times === -1)
		rule.times = Infinity;
	return rule as FaultRule;
}

/**
 * `{"model": {"requestsPerMinute": 500, "tokensPerMinute": 150000, "windowMs": 60000}, "admin":
 * {"requestsPerMinute": 10, "windowMs": 6000}}`; a part left out takes its default (admin: no limit).
 */
export function parseRateLimits(raw: string): RateLimitSettings | string {
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		return 'the body must be JSON rate limits';
	}
	if (!value || typeof value !== 'object') return 'the body must be a JSON object';
	const { model, admin } = value as Record<string, unknown>;
	const counts = (part: unknown, names: string[]) =>
		typeof part === 'object' &&
		part !== null &&
		names.every((name) => {
			const count = (part as Record<string, unknown>)[name];
			return count === undefined || (Number.isInteger(count) && (count as number) > 0);
		});
	if (model !== undefined && !counts(model, ['requestsPerMinute', 'tokensPerMinute', 'windowMs'])) {
		return 'model: requestsPerMinute, tokensPerMinute and windowMs must be whole numbers above 0';
	}
	if (admin !== undefined && admin !== null && !counts(admin, ['requestsPerMinute', 'windowMs'])) {
		return 'admin: requestsPerMinute and windowMs must be whole numbers above 0';
	}
	return {
		model: model as RateLimitSettings['model'],
		admin: (admin ?? undefined) as RateLimitSettings['admin'],
	};
}

/** `{"validatingSeconds": 60, "inProgressSeconds": 600, "outcome": "expired"}`: the parts given replace the current. */
export function parseBatchRules(raw: string, current: BatchRules): BatchRules | string {
	let value: Record<string, unknown>;
	try {
		value = JSON.parse(raw) as Record<string, unknown>;
	} catch {
		return 'the body must be JSON batch rules';
	}
	const rules = { ...current };
	for (const name of ['validatingSeconds', 'inProgressSeconds', 'cancellingSeconds', 'expiredShare', 'clockOffsetSeconds'] as const) {
		if (value[name] === undefined) continue;
		if (typeof value[name] !== 'number' || (value[name] as number) < 0) return `${name} must be a number of 0 or more`;
		rules[name] = value[name] as number;
	}
	if (value.outcome !== undefined) {
		if (!['completed', 'failed', 'expired'].includes(String(value.outcome))) return 'outcome must be completed, failed or expired';
		rules.outcome = value.outcome as BatchRules['outcome'];
	}
	return rules;
}

/** `{"queuedSeconds": 5, "inProgressSeconds": 60, "outcome": "failed"}`: the parts given replace the current. */
export function parseBackgroundRules(raw: string, current: BackgroundRules): BackgroundRules | string {
	let value: Record<string, unknown>;
	try {
		value = JSON.parse(raw) as Record<string, unknown>;
	} catch {
		return 'the body must be JSON background rules';
	}
	const rules = { ...current };
	for (const name of ['queuedSeconds', 'inProgressSeconds', 'clockOffsetSeconds'] as const) {
		if (value[name] === undefined) continue;
		if (typeof value[name] !== 'number' || (value[name] as number) < 0) return `${name} must be a number of 0 or more`;
		rules[name] = value[name] as number;
	}
	if (value.outcome !== undefined) {
		if (!['completed', 'failed'].includes(String(value.outcome))) return 'outcome must be completed or failed';
		rules.outcome = value.outcome as BackgroundRules['outcome'];
	}
	return rules;
}
