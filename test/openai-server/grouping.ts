import { queryArray, type Query } from './context';
import * as E from './errors';

/** Reads group_by (either array form) and refuses dimensions the endpoint does not know. */
export function readGroupBy(query: Query, allowed: readonly string[]): string[] {
	const groupBy = queryArray(query, 'group_by');
	for (const field of groupBy) {
		if (!allowed.includes(field)) {
			throw E.invalidValue(
				'group_by',
				`'${field}' is not one of ${allowed.map((name) => `'${name}'`).join(', ')}.`,
			);
		}
	}
	return groupBy;
}

/**
 * Sums rows that agree on the grouped fields; fields not grouped by come out null, as OpenAI answers them.
 * Groups keep the order in which they first appear.
 */
export function groupRows<Row extends Record<string, string | number | boolean | null>>(
	rows: Row[],
	groupBy: readonly string[],
	dimensions: readonly string[],
	sum: (total: Row, row: Row) => void,
): Row[] {
	const groups = new Map<string, Row>();
	for (const row of rows) {
		const key = JSON.stringify(groupBy.map((field) => row[field]));
		const existing = groups.get(key);
		if (existing) {
			sum(existing, row);
			continue;
		}
		const first = { ...row };
		for (const field of dimensions)
			if (!groupBy.includes(field)) (first as Record<string, unknown>)[field] = null;
		groups.set(key, first);
	}
	return [...groups.values()];
}
