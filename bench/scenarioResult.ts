import type { Count, Spread } from './stats';

export interface GoalCheck {
	goal: string;
	actual: string;
	met: boolean;
}

/** One scenario's printed table, its goals and the raw figures behind them (written to results.json). */
export interface ScenarioResult {
	id: string;
	title: string;
	columns: string[];
	rows: string[][];
	goals: GoalCheck[];
	notes: string[];
	skipped?: string;
	data: Record<string, unknown>;
}

const MB = 1024 * 1024;

export function formatSpread(spread: Spread, digits = 0, scale = 1): string {
	const show = (value: number) => (value / scale).toFixed(digits);
	if (spread.runs.length === 1) return show(spread.median);
	return `${show(spread.median)} (${show(spread.min)}–${show(spread.max)})`;
}

export const formatMb = (spread: Spread) => formatSpread(spread, 1, MB);

export function formatCount(count: Count): string {
	return count.sameInEveryRun ? String(count.value) : `varies: ${count.runs.join('/')}`;
}

export function goalMark(met: boolean): string {
	return met ? 'met' : 'NOT MET';
}
