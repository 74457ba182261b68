import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listPages } from '../transport';
import type { CursorListRequest } from '../transport';

/** OpenAI's largest page of a `limit`/`after` list. */
const MAX_LIST_PAGE = 100;

/** "Return All" and "Limit", the same on every list of the node. */
export const returnAllProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** How many entries the list may return: Infinity with "Return All"; `things` names them in the fix, e.g. 'project'. */
export function readLimit(this: IExecuteFunctions, itemIndex: number, things: string): number {
	if (this.getNodeParameter('returnAll', itemIndex, false) === true) return Infinity;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(this.getNode(), `"Limit" must be a whole number of at least 1, not ${limit}`, {
			itemIndex,
			description: `Turn on "Return All" to get every ${things}.`,
		});
	}
	return limit;
}

/**
 * The entries of a `limit`/`after` list, up to `limit` (Infinity: all), as items: no page is read that the limit
 * does not need, and the page size follows the limit, up to `largestPage` (the list's own largest `limit`: 100 for
 * most, 10,000 for files).
 */
export async function collectList(
	this: IExecuteFunctions,
	request: CursorListRequest,
	limit: number,
	toItem: (entry: IDataObject) => IDataObject = (entry) => entry,
	largestPage = MAX_LIST_PAGE,
): Promise<IDataObject[]> {
	const found: IDataObject[] = [];
	const pageSize = Number.isFinite(limit) ? Math.min(largestPage, limit) : largestPage;
	for await (const page of listPages.call(this, { pageSize, wanted: limit, ...request })) {
		for (const entry of page) {
			found.push(toItem(entry));
			if (found.length >= limit) return found;
		}
	}
	return found;
}
