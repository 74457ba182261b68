import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRequestTuning } from '../../../shared/execution/requestOptions';
import { listAllBuckets } from '../../helpers/bucketPages';
import { summarizeCostsPerProject, toCostItems } from '../../helpers/costReport';
import { projectFilterProperty, readProjectIds } from '../../helpers/projectFilter';
import { loadProjectDirectory } from '../../helpers/projectNames';
import { toUnixSeconds } from '../../helpers/timeRange';
import type { BucketRules } from '../../helpers/timeRange';
import { readTimeRange, timeRangeProperties } from '../../helpers/timeRangeParameters';

const show = { resource: ['cost'], operation: ['getAll'] };

/** The costs API only has day buckets, and serves at most 180 of them a page. */
const COST_BUCKETS: BucketRules = { bucketSeconds: 86_400, label: 'costs' };
const COST_PAGE_SIZE = 180;

export const description: INodeProperties[] = [
	...timeRangeProperties(show),
	{
		displayName: 'Summarize per Project',
		name: 'summarizePerProject',
		type: 'boolean',
		default: false,
		description:
			'Whether to return one item per project with its total for the whole range, instead of one item per day and project',
		displayOptions: { show },
	},
	{
		displayName: 'Split by Line Item',
		name: 'groupByLineItem',
		type: 'boolean',
		default: false,
		description: 'Whether to return one item per line item (e.g. "gpt-4o, input") of each project and day',
		displayOptions: { show: { ...show, summarizePerProject: [false] } },
	},
	projectFilterProperty(show),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const range = readTimeRange.call(this, itemIndex, COST_BUCKETS);
	const projectIds = readProjectIds.call(this, itemIndex);
	const summarize = this.getNodeParameter('summarizePerProject', itemIndex, false) === true;
	const withLineItems = !summarize && this.getNodeParameter('groupByLineItem', itemIndex, false) === true;
	const tuning = getRequestTuning.call(this, itemIndex);

	const directory = await loadProjectDirectory.call(this, { itemIndex, ...tuning });
	const qs: IDataObject = {
		start_time: toUnixSeconds(range.start),
		end_time: toUnixSeconds(range.end),
		bucket_width: '1d',
		limit: COST_PAGE_SIZE,
		group_by: withLineItems ? ['project_id', 'line_item'] : ['project_id'],
	};
	if (projectIds.length > 0) qs.project_ids = projectIds;
	const buckets = await listAllBuckets.call(this, { path: '/organization/costs', qs, itemIndex, ...tuning });

	const items = toCostItems(buckets, directory, withLineItems);
	return summarize ? summarizeCostsPerProject(items, range) : items;
}
