import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../execution/operation';
import { readRequestLimits } from '../execution/requestOptions';
import type { RequestLimits } from '../execution/requestOptions';
import { listReportPages } from '../transport';
import { readProjectIds } from './projectFilter';
import { loadProjectDirectory, projectNameOf } from './projectDirectory';
import type { Project } from './projects';
import { toUnixSeconds, utcDate, utcIso } from '../time/dates';
import type { BucketRules, TimeRange } from '../time/timeRange';
import { readTimeRange } from '../time/timeRangeParameters';

/** One time bucket of the costs or usage API; `results` holds one row per group. */
export interface TimeBucket {
	start_time: number;
	end_time: number;
	results: IDataObject[];
}

/** What a report operation asks for beyond the time range and projects every report reads. */
export interface ReportQuery {
	path: string;
	rules: BucketRules;
	/** bucket_width, limit, group_by: what this endpoint and this item ask for. */
	qs: IDataObject;
}

export interface ReportAnswer {
	buckets: TimeBucket[];
	/** Every project by id, to name the projects in the report. */
	directory: Map<string, Project>;
	range: TimeRange;
}

const REPORT_MAX_PAGES = 1_000;

/**
 * The one pipeline of the costs and usage operations: reads and checks the time range, the projects and the request
 * options of an item; sending it loads the project directory (to name projects, archived ones included) and every
 * bucket of the report, which `toItems` turns into output items.
 */
export function prepareReport(
	this: IExecuteFunctions,
	itemIndex: number,
	query: ReportQuery,
	toItems: (answer: ReportAnswer) => IDataObject[] | Promise<IDataObject[]>,
): PreparedItem {
	const range = readTimeRange.call(this, itemIndex, query.rules);
	const projectIds = readProjectIds.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const qs: IDataObject = { start_time: toUnixSeconds(range.start), end_time: toUnixSeconds(range.end), ...query.qs };
	if (projectIds.length > 0) qs.project_ids = projectIds;

	const send = async () => {
		const directory = await loadProjectDirectory.call(this, { itemIndex, ...limits });
		const buckets = await readBuckets.call(this, { path: query.path, qs, itemIndex, ...limits });
		return await toItems({ buckets, directory, range });
	};
	return { send };
}

export interface BucketRequest extends RequestLimits {
	path: string;
	qs: IDataObject;
	itemIndex: number;
}

/** Every bucket of one costs or usage report, following its pages. */
export async function readBuckets(this: IExecuteFunctions, request: BucketRequest): Promise<TimeBucket[]> {
	const buckets: TimeBucket[] = [];
	for await (const page of listReportPages.call(this, { maxPages: REPORT_MAX_PAGES, ...request })) {
		buckets.push(...(page as unknown as TimeBucket[]));
	}
	return buckets;
}

/** The fields every report item starts with: its bucket in UTC and its project, named from the directory. */
export interface ReportRow extends IDataObject {
	date: string;
	startTime: string;
	endTime: string;
	projectId: string | null;
	projectName: string | null;
}

/** Each result row of each bucket, as `toItem` makes it from the fields every report item starts with. */
export function reportRows<T extends ReportRow>(
	{ buckets, directory }: Pick<ReportAnswer, 'buckets' | 'directory'>,
	toItem: (row: ReportRow, result: IDataObject, bucket: TimeBucket) => T,
): T[] {
	return buckets.flatMap((bucket) =>
		bucket.results.map((result) => {
			const projectId = typeof result.project_id === 'string' ? result.project_id : null;
			const row: ReportRow = {
				date: utcDate(bucket.start_time),
				startTime: utcIso(bucket.start_time),
				endTime: utcIso(bucket.end_time),
				projectId,
				projectName: projectNameOf(directory, projectId),
			};
			return toItem(row, result, bucket);
		}),
	);
}
