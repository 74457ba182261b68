import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../execution/operation';
import { summarizeCostsPerProject, toCostItems } from '../../resources/costReport';
import { projectFilterProperty } from '../../resources/projectFilter';
import { readKeyNames } from '../../resources/projectKeys';
import { prepareReport } from '../../resources/report';
import type { TimeBucket } from '../../resources/report';
import { readRequestLimits } from '../../execution/requestOptions';
import type { BucketRules } from '../../time/timeRange';
import { timeRangeProperties } from '../../time/timeRangeParameters';

/** The costs API only has day buckets, and serves at most 180 of them a page. */
const COST_BUCKETS: BucketRules = { bucketSeconds: 86_400, label: 'costs' };
const COST_PAGE_SIZE = 180;

const properties: INodeProperties[] = [
	...timeRangeProperties(),
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
	{
		displayName: 'Split by API Key',
		name: 'groupByApiKey',
		type: 'boolean',
		default: false,
		description:
			'Whether to return one item per API key of each project and day, with the key\'s name (read from the projects\' key lists)',
		displayOptions: { show: { summarizePerProject: [false] } },
	},
	{
		displayName: 'Name API Keys',
		name: 'nameApiKeys',
		type: 'boolean',
		default: true,
		description:
			"Whether to add each key's name. Costs name keys by ID only: the names are read from the key list of each project billed to a key, one request per such project (slow under the Admin API's rate limit for hundreds of projects; narrow with Projects).",
		displayOptions: { show: { summarizePerProject: [false], groupByApiKey: [true] } },
	},
	projectFilterProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['cost'], operation: ['getAll'] } }, properties);

function billedProjects(buckets: TimeBucket[]): string[] {
	return buckets.flatMap((bucket) =>
		bucket.results
			.filter((result) => typeof result.api_key_id === 'string' && typeof result.project_id === 'string')
			.map((result) => result.project_id as string),
	);
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const summarize = this.getNodeParameter('summarizePerProject', itemIndex, false) === true;
	const withLineItems = !summarize && this.getNodeParameter('groupByLineItem', itemIndex, false) === true;
	const withApiKeys = !summarize && this.getNodeParameter('groupByApiKey', itemIndex, false) === true;
	const nameKeys = withApiKeys && this.getNodeParameter('nameApiKeys', itemIndex, true) === true;
	const limits = readRequestLimits.call(this, itemIndex);
	const qs = {
		bucket_width: '1d',
		limit: COST_PAGE_SIZE,
		group_by: ['project_id', ...(withLineItems ? ['line_item'] : []), ...(withApiKeys ? ['api_key_id'] : [])],
	};
	const query = { path: '/organization/costs', rules: COST_BUCKETS, qs };
	return prepareReport.call(this, itemIndex, query, async (report) => {
		// Key names come from the key lists of the projects that were billed to a key: one list per such project.
		let keyNames: Map<string, string> | undefined;
		if (nameKeys) keyNames = await readKeyNames.call(this, billedProjects(report.buckets), itemIndex, limits);
		else if (withApiKeys) keyNames = new Map();
		const items = toCostItems(report, withLineItems, keyNames);
		return summarize ? summarizeCostsPerProject(items, report.range) : items;
	});
}
