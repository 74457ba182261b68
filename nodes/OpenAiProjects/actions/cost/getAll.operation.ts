import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { summarizeCostsPerProject, toCostItems } from '../../helpers/costReport';
import { projectFilterProperty } from '../../helpers/projectFilter';
import { prepareReport } from '../../helpers/report';
import type { BucketRules } from '../../../shared/time/timeRange';
import { timeRangeProperties } from '../../../shared/time/timeRangeParameters';

/** The costs API only has day buckets, and serves at most 180 of them a page. */
const COST_BUCKETS: BucketRules = { bucketSeconds: 86_400, label: 'costs' };
const COST_PAGE_SIZE = 180;

const properties: INodeProperties[] = [
	...timeRangeProperties,
	{
		displayName: 'Summarize per Project',
		name: 'summarizePerProject',
		type: 'boolean',
		default: false,
		description:
			'Whether to return one item per project with its total for the whole range, instead of one item per day and project',
	},
	{
		displayName: 'Split by Line Item',
		name: 'groupByLineItem',
		type: 'boolean',
		default: false,
		description: 'Whether to return one item per line item (e.g. "gpt-4o, input") of each project and day',
		displayOptions: { show: { summarizePerProject: [false] } },
	},
	projectFilterProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['cost'], operation: ['getAll'] } }, properties);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const summarize = this.getNodeParameter('summarizePerProject', itemIndex, false) === true;
	const withLineItems = !summarize && this.getNodeParameter('groupByLineItem', itemIndex, false) === true;
	const qs = {
		bucket_width: '1d',
		limit: COST_PAGE_SIZE,
		group_by: withLineItems ? ['project_id', 'line_item'] : ['project_id'],
	};
	return prepareReport.call(this, itemIndex, { path: '/organization/costs', rules: COST_BUCKETS, qs }, (report) => {
		const items = toCostItems(report, withLineItems);
		return summarize ? summarizeCostsPerProject(items, report.range) : items;
	});
}
