import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readList } from '../../execution/lists';
import type { PreparedItem } from '../../execution/operation';
import { optionsNamedAfterValues } from '../../parameters/choices';
import { projectFilterProperty } from '../../resources/projectFilter';
import { prepareReport } from '../../resources/report';
import type { BucketRules } from '../../time/timeRange';
import { timeRangeProperties } from '../../time/timeRangeParameters';
import { GROUP_BY_NAMES, USAGE_KINDS } from '../../resources/usageKinds';
import type { UsageKind } from '../../resources/usageKinds';
import { toUsageItems } from '../../resources/usageReport';
import { readUsageFilters, usageFilterProperties } from '../../resources/usageFilters';

interface BucketWidth {
	apiValue: '1d' | '1h' | '1m';
	rules: BucketRules;
	/** The contract's largest page for this width. */
	pageSize: number;
}

/**
 * The contract serves at most 31 daily, 168 hourly or 1440 minute buckets a request. Daily reports follow their
 * pages; longer hourly or minute ranges are refused here rather than split into many slow Admin API calls (about
 * 7-10 a minute are allowed): a wider bucket covers them in one.
 */
const BUCKET_WIDTHS: Record<string, BucketWidth> = {
	day: { apiValue: '1d', rules: { bucketSeconds: 86_400, label: 'daily usage' }, pageSize: 31 },
	hour: { apiValue: '1h', rules: { bucketSeconds: 3_600, maxBuckets: 168, label: 'hourly usage' }, pageSize: 168 },
	minute: { apiValue: '1m', rules: { bucketSeconds: 60, maxBuckets: 1_440, label: 'usage by the minute' }, pageSize: 1_440 },
};

const DEFAULT_KIND = 'completions';

/** One "Group By" per kind that has more than the project and the model to group by: only the contract's fields. */
const groupByProperties: INodeProperties[] = USAGE_KINDS.filter((kind) => kind.groupBy.length > 0).map((kind) => ({
	displayName: 'Also Group By',
	name: 'groupBy',
	type: 'multiOptions',
	default: [],
	description: `Fields to split each project's ${kind.name.toLowerCase()} usage by, one item per value (as OpenAI allows for this kind)`,
	options: kind.groupBy.map((field) => ({ name: GROUP_BY_NAMES[field] ?? field, value: field })),
	displayOptions: { show: { kind: [kind.value] } },
}));

const properties: INodeProperties[] = [
	{
		displayName: 'Kind',
		name: 'kind',
		type: 'options',
		default: DEFAULT_KIND,
		description: 'Which usage report to read',
		options: USAGE_KINDS.map((kind) => ({ name: kind.name, value: kind.value })),
	},
	...timeRangeProperties(),
	{
		displayName: 'Bucket Width',
		name: 'bucketWidth',
		type: 'options',
		default: 'day',
		description: 'One item per day, hour or minute (hourly ranges can be at most 7 days long, minute ranges 1 day)',
		options: optionsNamedAfterValues(Object.keys(BUCKET_WIDTHS)),
	},
	{
		displayName: 'Split by Model',
		name: 'groupByModel',
		type: 'boolean',
		default: false,
		description: 'Whether to return one item per model of each project and day (or hour)',
		displayOptions: { show: { kind: USAGE_KINDS.filter((kind) => kind.hasModel).map((kind) => kind.value) } },
	},
	...groupByProperties,
	...usageFilterProperties(USAGE_KINDS),
	projectFilterProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['usage'], operation: ['getAll'] } }, properties);

function readBucketWidth(this: IExecuteFunctions, itemIndex: number): BucketWidth {
	const name = this.getNodeParameter('bucketWidth', itemIndex, 'day') as string;
	const width = BUCKET_WIDTHS[name];
	if (!width) {
		throw new NodeOperationError(this.getNode(), `"Bucket Width" must be day, hour or minute, not "${name}"`, { itemIndex });
	}
	return width;
}

function readKind(this: IExecuteFunctions, itemIndex: number): UsageKind {
	// Workflows saved before "Kind" existed read completions, as they did.
	const value = String(this.getNodeParameter('kind', itemIndex, DEFAULT_KIND) ?? DEFAULT_KIND);
	const kind = USAGE_KINDS.find((candidate) => candidate.value === value);
	if (!kind) {
		throw new NodeOperationError(this.getNode(), `"Kind" must be one of OpenAI's usage reports, not "${value}"`, {
			itemIndex,
			description: `Pick one from the list: ${USAGE_KINDS.map((candidate) => candidate.value).join(', ')}.`,
		});
	}
	return kind;
}

function readGroupBy(this: IExecuteFunctions, itemIndex: number, kind: UsageKind): string[] {
	const fields = kind.groupBy.length > 0 ? readList(this.getNodeParameter('groupBy', itemIndex, [])) : [];
	const wrong = fields.find((field) => !kind.groupBy.includes(field));
	if (wrong !== undefined) {
		throw new NodeOperationError(this.getNode(), `"Also Group By" holds "${wrong}", which ${kind.name.toLowerCase()} usage cannot be grouped by`, {
			itemIndex,
			description: `OpenAI groups ${kind.name.toLowerCase()} usage by ${kind.groupBy.join(', ')} (and the project${kind.hasModel ? ' and model' : ''}).`,
		});
	}
	return fields;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const kind = readKind.call(this, itemIndex);
	const width = readBucketWidth.call(this, itemIndex);
	const byModel = kind.hasModel && this.getNodeParameter('groupByModel', itemIndex, false) === true;
	const groupBy = readGroupBy.call(this, itemIndex, kind);
	const filters = readUsageFilters.call(this, itemIndex, kind);
	const qs = {
		...filters,
		bucket_width: width.apiValue,
		limit: width.pageSize,
		group_by: ['project_id', ...(byModel ? ['model'] : []), ...groupBy],
	};
	const path = `/organization/usage/${kind.value}`;
	return prepareReport.call(this, itemIndex, { path, rules: width.rules, qs }, (report) =>
		toUsageItems(report, { kind, byModel, bucketSeconds: width.rules.bucketSeconds, groupBy }),
	);
}
