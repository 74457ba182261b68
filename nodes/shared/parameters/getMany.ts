import type { INodeProperties } from 'n8n-workflow';

import { returnAllProperties } from '../execution/listLimit';
import { filtersCollection } from './collections';

/**
 * The fields of a "Get Many" operation: "Return All", "Limit" and, when the list can be narrowed, "Filters".
 * Read them with readLimit (execution/listLimit.ts) and `getNodeParameter('filters', itemIndex, {})`.
 */
export function getManyProperties(filters: INodeProperties[] = []): INodeProperties[] {
	return filters.length > 0 ? [...returnAllProperties, filtersCollection(filters)] : [...returnAllProperties];
}
