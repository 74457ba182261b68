import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveTimeRange } from './timeRange';
import type { BucketRules, TimeRange } from './timeRange';

/**
 * The time range fields of an operation that reads a span of days (costs, usage, audit log), declared once:
 * `description` says what the range selects for this operation.
 */
export function timeRangeProperties(
	description = 'Which UTC days to report on (OpenAI counts costs and usage in UTC days)',
): INodeProperties[] {
	return [
		{
			displayName: 'Time Range',
			name: 'timeRange',
			type: 'options',
			default: 'last7Days',
			description,
			options: [
				{ name: 'Custom', value: 'custom', description: 'From "Start" up to, not including, "End"' },
				{ name: 'Last 30 Days', value: 'last30Days', description: 'The 30 full UTC days before today' },
				{ name: 'Last 7 Days', value: 'last7Days', description: 'The 7 full UTC days before today' },
				{ name: 'Last Month', value: 'lastMonth', description: 'The previous calendar month' },
				{ name: 'This Month', value: 'thisMonth', description: 'From the 1st of this month up to and including today' },
				{ name: 'Yesterday', value: 'yesterday', description: 'The previous UTC day' },
			],
		},
		{
			displayName: 'Start',
			name: 'startDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'The first moment included, in UTC unless the value names a time zone',
			displayOptions: { show: { timeRange: ['custom'] } },
		},
		{
			displayName: 'End',
			name: 'endDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'The first moment no longer included, in UTC unless the value names a time zone',
			displayOptions: { show: { timeRange: ['custom'] } },
		},
	];
}

/** Reads and checks the time range before any request: a bad range is the user's to fix, not OpenAI's. */
export function readTimeRange(this: IExecuteFunctions, itemIndex: number, rules: BucketRules): TimeRange {
	const preset = this.getNodeParameter('timeRange', itemIndex) as string;
	const custom = preset === 'custom';
	const result = resolveTimeRange(
		{
			preset,
			customStart: custom ? this.getNodeParameter('startDate', itemIndex, '') : undefined,
			customEnd: custom ? this.getNodeParameter('endDate', itemIndex, '') : undefined,
		},
		rules,
		DateTime.utc(),
	);
	if ('problem' in result) {
		throw new NodeOperationError(this.getNode(), result.problem.message, {
			itemIndex,
			description: result.problem.description,
		});
	}
	return result.range;
}
