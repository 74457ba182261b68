/** A figure over several runs: the median is the one reported, min and max show the spread. */
export interface Spread {
	median: number;
	min: number;
	max: number;
	runs: number[];
}

export function spreadOf(values: number[]): Spread {
	if (values.length === 0) throw new Error('no runs to summarise');
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: values };
}

export interface Count {
	value: number;
	/** Every run must agree on a count (requests, items): one that varies is a bug, not noise. */
	sameInEveryRun: boolean;
	runs: number[];
}

export function countOf(values: number[]): Count {
	return { value: spreadOf(values).median, sameInEveryRun: new Set(values).size === 1, runs: values };
}
