import type { IDataObject } from 'n8n-workflow';

import { reportRows } from './report';
import type { ReportAnswer, ReportRow } from './report';
import { utcDate } from '../time/dates';
import type { TimeRange } from '../time/timeRange';

export interface CostItem extends ReportRow {
	lineItem?: string | null;
	apiKeyId?: string | null;
	apiKeyName?: string | null;
	amount: number;
	currency: string | null;
}

interface CostResult {
	amount?: { value?: unknown; currency?: unknown };
	project_id?: unknown;
	line_item?: unknown;
	api_key_id?: unknown;
}

function amountOf(result: CostResult): number {
	const value = Number(result.amount?.value ?? 0);
	return Number.isFinite(value) ? value : 0;
}

/**
 * One item per day and project (and line item when `withLineItems`, and API key when `keyNames` is given: the
 * key's name from it, null when it could not be read), named from the project directory.
 */
export function toCostItems(
	report: Pick<ReportAnswer, 'buckets' | 'directory'>,
	withLineItems: boolean,
	keyNames?: Map<string, string>,
): CostItem[] {
	return reportRows(report, (row, raw) => {
		const result = raw as CostResult;
		const item: CostItem = {
			...row,
			amount: amountOf(result),
			currency: typeof result.amount?.currency === 'string' ? result.amount.currency : null,
		};
		if (withLineItems) item.lineItem = typeof result.line_item === 'string' ? result.line_item : null;
		if (keyNames) {
			item.apiKeyId = typeof result.api_key_id === 'string' ? result.api_key_id : null;
			item.apiKeyName = item.apiKeyId === null ? null : (keyNames.get(item.apiKeyId) ?? null);
		}
		return item;
	});
}

/**
 * Amounts are in the currency's units (US dollars for "usd"). A total is rounded to the cent (2 decimals); the
 * exact total keeps fractions of a cent, rounded to a millionth of the unit so that the float noise of adding many
 * small amounts (24.303957999999994) does not show.
 */
export function roundToCents(value: number): number {
	return roundTo(value, 2);
}

export function roundToMillionths(value: number): number {
	return roundTo(value, 6);
}

function roundTo(value: number, decimals: number): number {
	const rounded = Number(value.toFixed(decimals));
	return Object.is(rounded, -0) ? 0 : rounded;
}

interface ProjectTotal {
	projectId: string | null;
	projectName: string | null;
	currency: string | null;
	exact: number;
	days: Set<string>;
}

/** One item per project (and currency, so no total ever adds up two currencies), in order of first appearance. */
export function summarizeCostsPerProject(items: CostItem[], range: TimeRange): IDataObject[] {
	const totals = new Map<string, ProjectTotal>();
	for (const item of items) {
		const key = JSON.stringify([item.projectId, item.currency]);
		let total = totals.get(key);
		if (!total) {
			total = { projectId: item.projectId, projectName: item.projectName, currency: item.currency, exact: 0, days: new Set() };
			totals.set(key, total);
		}
		total.exact += item.amount;
		total.days.add(item.date);
	}
	const startDate = utcDate(range.start.toSeconds());
	// The range's end is excluded, so its last day is the one before.
	const endDate = utcDate(range.end.toSeconds() - 1);
	return [...totals.values()].map((total) => ({
		projectId: total.projectId,
		projectName: total.projectName,
		totalAmount: roundToCents(total.exact),
		totalAmountExact: roundToMillionths(total.exact),
		currency: total.currency,
		days: total.days.size,
		startDate,
		endDate,
	}));
}
