import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { projectFilterProperty } from '../../helpers/projectFilter';
import { prepareReport } from '../../helpers/report';
import type { BucketRules } from '../../../shared/time/timeRange';
import { timeRangeProperties } from '../../../shared/time/timeRangeParameters';
import { toUsageItems } from '../../helpers/usageReport';

interface BucketWidth {
	apiValue: '1d' | '1h';
	rules: BucketRules;
	/** The contract's largest page for this width. */
	pageSize: number;
}

/**
 * The contract serves at most 168 hourly buckets a request; longer hourly ranges are refused here rather than
 * split into many slow Admin API calls (about 7-10 a minute are allowed): daily buckets cover them in one.
 */
const BUCKET_WIDTHS: Record<string, BucketWidth> = {
	day: { apiValue: '1d', rules: { bucketSeconds: 86_400, label: 'daily usage' }, pageSize: 31 },
	hour: { apiValue: '1h', rules: { bucketSeconds: 3_600, maxBuckets: 168, label: 'hourly usage' }, pageSize: 168 },
};

const properties: INodeProperties[] = [
	...timeRangeProperties,
	{
		displayName: 'Bucket Width',
		name: 'bucketWidth',
		type: 'options',
		default: 'day',
		description: 'One item per day or per hour (hourly ranges can be at most 7 days long)',
		options: [
			{ name: 'Day', value: 'day' },
			{ name: 'Hour', value: 'hour' },
		],
	},
	{
		displayName: 'Split by Model',
		name: 'groupByModel',
		type: 'boolean',
		default: false,
		description: 'Whether to return one item per model of each project and day (or hour)',
	},
	projectFilterProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['usage'], operation: ['getAll'] } }, properties);

function readBucketWidth(this: IExecuteFunctions, itemIndex: number): BucketWidth {
	const name = this.getNodeParameter('bucketWidth', itemIndex, 'day') as string;
	const width = BUCKET_WIDTHS[name];
	if (!width) {
		throw new NodeOperationError(this.getNode(), `"Bucket Width" must be day or hour, not "${name}"`, { itemIndex });
	}
	return width;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const width = readBucketWidth.call(this, itemIndex);
	const byModel = this.getNodeParameter('groupByModel', itemIndex, false) === true;
	const qs = {
		bucket_width: width.apiValue,
		limit: width.pageSize,
		group_by: byModel ? ['project_id', 'model'] : ['project_id'],
	};
	const path = '/organization/usage/completions';
	return prepareReport.call(this, itemIndex, { path, rules: width.rules, qs }, (report) =>
		toUsageItems(report, { byModel, hourly: width.apiValue === '1h' }),
	);
}
