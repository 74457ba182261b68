import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readList } from '../execution/lists';
import { USAGE_FILTERS } from './contractEnums';
import type { UsageFilter } from './contractEnums';
import type { UsageKind } from './usageKinds';

/**
 * The filters of a usage report besides its projects: those the contract lists for the kind's path (contractEnums.ts,
 * generated from it), so that a kind is offered exactly the filters OpenAI takes for it.
 */

interface FilterField {
	displayName: string;
	description: string;
	placeholder?: string;
	/** what each value must look like, where OpenAI's IDs have a shape: checked before any request */
	shape?: { pattern: RegExp; example: string };
}

const FIELDS: Record<string, FilterField> = {
	api_key_ids: {
		displayName: 'API Key IDs',
		description: 'Only usage made with these API keys: their IDs (key_…), separated by commas; never the keys themselves',
		placeholder: 'key_abc123, key_def456',
		shape: { pattern: /^key_[A-Za-z0-9_-]+$/, example: 'key_abc123' },
	},
	user_ids: {
		displayName: 'User IDs',
		description: 'Only usage of these users (their IDs, user-…), separated by commas',
		placeholder: 'user-abc123',
		shape: { pattern: /^user-[A-Za-z0-9_-]+$/, example: 'user-abc123' },
	},
	models: {
		displayName: 'Models',
		description: 'Only usage of these models, separated by commas',
		placeholder: 'gpt-4o, gpt-4o-mini',
	},
	vector_store_ids: {
		displayName: 'Vector Store IDs',
		description: 'Only searches of these vector stores (vs_…), separated by commas',
		placeholder: 'vs_abc123',
	},
	batch: {
		displayName: 'Batch',
		description: 'Whether to count only Batch API usage (on) or only usage outside the Batch API (off)',
	},
	sources: { displayName: 'Image Sources', description: 'Only images made these ways' },
	sizes: { displayName: 'Image Sizes', description: 'Only images of these sizes' },
	context_levels: { displayName: 'Context Levels', description: 'Only web searches of these context sizes' },
};

function fieldOf(filter: UsageFilter): FilterField {
	return FIELDS[filter.name] ?? { displayName: filter.name, description: `OpenAI's "${filter.name}" filter` };
}

/** camelCase parameter name of a filter: api_key_ids → apiKeyIds */
const parameterName = (name: string) => name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

function filterProperty(filter: UsageFilter): INodeProperties {
	const field = fieldOf(filter);
	const common = { displayName: field.displayName, name: parameterName(filter.name), description: field.description };
	if (filter.type === 'boolean') return { ...common, type: 'boolean', default: false };
	if (filter.values) {
		return { ...common, type: 'multiOptions', default: [], options: filter.values.map((value) => ({ name: value, value })) };
	}
	return { ...common, type: 'string', default: '', placeholder: field.placeholder };
}

/** One "Filters" collection per kind that has filters, shown for that kind only. */
export function usageFilterProperties(kinds: UsageKind[]): INodeProperties[] {
	return kinds
		.filter((kind) => (USAGE_FILTERS[kind.value] ?? []).length > 0)
		.map((kind) => ({
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description: `Narrow ${kind.name.toLowerCase()} usage (as OpenAI allows for this kind)`,
			options: (USAGE_FILTERS[kind.value] ?? [])
				.map(filterProperty)
				.sort((a, b) => a.displayName.localeCompare(b.displayName)),
			displayOptions: { show: { kind: [kind.value] } },
		}));
}

/**
 * The query parameters of the filters given for `kind` (only those its path takes are read), checked before any
 * request: an ID of the wrong shape is named by its position (an API key pasted by mistake is never repeated in the
 * error), a value outside the contract's list is named with the list.
 */
export function readUsageFilters(this: IExecuteFunctions, itemIndex: number, kind: UsageKind): IDataObject {
	const allowed = USAGE_FILTERS[kind.value] ?? [];
	const given = allowed.length > 0 ? ((this.getNodeParameter('filters', itemIndex, {}) ?? {}) as IDataObject) : {};
	const qs: IDataObject = {};
	for (const filter of allowed) {
		const value = given[parameterName(filter.name)];
		if (value === undefined) continue;
		if (filter.type === 'boolean') {
			qs[filter.name] = value === true;
			continue;
		}
		const values = readList(value);
		if (values.length === 0) continue;
		checkShapes.call(this, itemIndex, filter, values);
		qs[filter.name] = values;
	}
	return qs;
}

function checkShapes(this: IExecuteFunctions, itemIndex: number, filter: UsageFilter, values: string[]): void {
	const field = fieldOf(filter);
	if (filter.values) {
		const wrong = values.find((value) => !filter.values!.includes(value));
		if (wrong === undefined) return;
		throw new NodeOperationError(this.getNode(), `"${field.displayName}" holds "${wrong}", which OpenAI does not know`, {
			itemIndex,
			description: `Pick from: ${filter.values.join(', ')}.`,
		});
	}
	const shape = field.shape;
	const position = shape ? values.findIndex((value) => !shape.pattern.test(value)) : -1;
	if (!shape || position < 0) return;
	throw new NodeOperationError(this.getNode(), `"${field.displayName}" holds a value that is not an ID (value ${position + 1} of ${values.length})`, {
		itemIndex,
		description: `Enter IDs like ${shape.example}, separated by commas. "Get Many" API keys (OpenAI Projects) or users (OpenAI Organization) lists them.`,
	});
}
