import type { FaultController, FaultRule } from './types';

interface ActiveRule {
	rule: FaultRule;
	seen: number;
	applied: number;
}

export interface FaultMatch {
	latencyMs: number;
	/** the one non-latency fault to apply, if any */
	fault?: FaultRule;
}

export interface RequestFacts {
	method: string;
	path: string;
	keyFingerprint?: string;
}

const LIST_PROJECTS_PATH = '/v1/organization/projects';

/** Rules in the order added; every matching latency rule adds up, the first other matching rule wins. */
export class FaultRules implements FaultController {
	private rules: ActiveRule[] = [];

	constructor(private readonly random: () => number = Math.random) {}

	add(rule: FaultRule): void {
		this.rules.push({ rule, seen: 0, applied: 0 });
	}

	clear(): void {
		this.rules = [];
	}

	match(request: RequestFacts): FaultMatch {
		const result: FaultMatch = { latencyMs: 0 };
		for (const active of this.rules) {
			if (result.fault && active.rule.kind !== 'latency') continue;
			if (!this.applies(active.rule, request) || this.exhausted(active)) continue;
			active.seen++;
			if (active.seen <= (active.rule.after ?? 0)) continue;
			active.applied++;
			if (active.rule.kind === 'latency')
				result.latencyMs += pickDelay(active.rule.ms, this.random);
			else result.fault = active.rule;
		}
		return result;
	}

	private exhausted(active: ActiveRule): boolean {
		return active.applied >= (active.rule.times ?? 1);
	}

	private applies(rule: FaultRule, request: RequestFacts): boolean {
		if (rule.method && rule.method.toUpperCase() !== request.method) return false;
		if (rule.path !== undefined && !pathMatches(rule.path, request.path)) return false;
		if (rule.keyFingerprint && rule.keyFingerprint !== request.keyFingerprint) return false;
		// The cursor bug only exists on the project list; elsewhere the rule must not be used up.
		if (rule.kind === 'repeat_cursor')
			return request.method === 'GET' && request.path === LIST_PROJECTS_PATH;
		return true;
	}
}

function pathMatches(pattern: string | RegExp, path: string): boolean {
	if (pattern instanceof RegExp) return pattern.test(path);
	return path === pattern || path === `/v1${pattern}`;
}

export function pickDelay(ms: number | [number, number], random: () => number): number {
	if (typeof ms === 'number') return ms;
	const [min, max] = ms;
	return min + Math.floor(random() * (max - min + 1));
}
