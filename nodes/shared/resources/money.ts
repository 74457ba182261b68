import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * OpenAI's spend alerts and limits take `threshold_amount` in cents; people think in dollars. The node asks for
 * dollars, converts here and only here, and puts out both, each named with its unit.
 */
export const CURRENCY = 'USD';
export const INTERVAL = 'month';

/** "Threshold (US Dollars)": the field of every spend alert and limit amount. */
export function dollarAmountProperty(overrides: Partial<INodeProperties> & Pick<INodeProperties, 'description'>): INodeProperties {
	return {
		displayName: 'Threshold (US Dollars)',
		name: 'thresholdUsd',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		required: true,
		hint: 'In dollars, not cents: 1000 means $1,000.00 a month (the node sends OpenAI 100000 cents)',
		...overrides,
	};
}

/** "$1,000.00" */
export function formatDollars(cents: number): string {
	const dollars = Math.abs(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	return `${cents < 0 ? '-' : ''}$${dollars}`;
}

/**
 * Dollars as a person typed them (1000, 12.5, "12.50") to whole cents, checked before any request: a number, at
 * most two decimals, at least `minimumCents`.
 */
export function dollarsToCents(
	this: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	minimumCents: number,
	label = 'Threshold (US Dollars)',
): number {
	const text = typeof value === 'string' ? value.trim().replace(/^\$/, '').replace(/,/g, '') : value;
	const dollars = typeof text === 'string' && text !== '' ? Number(text) : text;
	const fix = 'Enter the amount in US dollars, e.g. 1000 for $1,000.00 or 12.50 for $12.50 (not in cents).';
	if (typeof dollars !== 'number' || !Number.isFinite(dollars)) {
		throw new NodeOperationError(this.getNode(), `"${label}" must be an amount in dollars, not "${String(value)}"`, {
			itemIndex,
			description: fix,
		});
	}
	const cents = Math.round(dollars * 100);
	if (Math.abs(dollars * 100 - cents) > 1e-6) {
		throw new NodeOperationError(this.getNode(), `"${label}" has more than two decimals: ${dollars}`, {
			itemIndex,
			description: `${fix} OpenAI counts in whole cents.`,
		});
	}
	if (cents < minimumCents) {
		throw new NodeOperationError(
			this.getNode(),
			`"${label}" must be at least ${formatDollars(minimumCents)}, not ${formatDollars(cents)}`,
			{ itemIndex, description: fix },
		);
	}
	return cents;
}

/**
 * An alert or limit as OpenAI answers it (`threshold_amount` in cents), plus the same amount in dollars and the
 * unit named, so that a later node never has to guess.
 */
export function withDollarAmounts(answer: IDataObject): IDataObject {
	const cents = answer.threshold_amount;
	if (typeof cents !== 'number') return answer;
	return {
		...answer,
		threshold_amount_unit: 'cents',
		threshold_usd: cents / 100,
		threshold_text: `${formatDollars(cents)} per ${String(answer.interval ?? INTERVAL)}`,
	};
}
