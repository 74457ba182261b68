import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

export const DEFAULT_ITEMS_AT_ONCE = 5;
export const MAX_ITEMS_AT_ONCE = 50;

/** How many items run at once is a node-wide choice, so it is read once, from the first item. */
export function readItemsAtOnce(this: IExecuteFunctions): number {
	const value = this.getNodeParameter('options.itemsAtOnce', 0, DEFAULT_ITEMS_AT_ONCE) as unknown;
	const itemsAtOnce = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (
		typeof itemsAtOnce !== 'number' ||
		!Number.isInteger(itemsAtOnce) ||
		itemsAtOnce < 1 ||
		itemsAtOnce > MAX_ITEMS_AT_ONCE
	) {
		throw new NodeOperationError(
			this.getNode(),
			`"Items at Once" must be a whole number from 1 to ${MAX_ITEMS_AT_ONCE}, not ${String(value)}`,
			{ description: 'Nothing was sent to OpenAI. Lower it if OpenAI answers with rate limits.' },
		);
	}
	return itemsAtOnce;
}
