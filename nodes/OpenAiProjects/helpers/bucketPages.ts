import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listReportPages } from '../../shared/transport';
import type { PagedRequest } from '../../shared/transport';

/** One time bucket of the costs or usage API; `results` holds one row per group. */
export interface TimeBucket {
	start_time: number;
	end_time: number;
	results: IDataObject[];
}

export interface BucketListRequest extends PagedRequest {
	qs: IDataObject;
	itemIndex: number;
}

const REPORT_MAX_PAGES = 1_000;

/** Reads every bucket of a costs or usage report. */
export async function listAllBuckets(this: IExecuteFunctions, request: BucketListRequest): Promise<TimeBucket[]> {
	const buckets: TimeBucket[] = [];
	for await (const page of listReportPages.call(this, { maxPages: REPORT_MAX_PAGES, ...request })) {
		buckets.push(...(page as unknown as TimeBucket[]));
	}
	return buckets;
}
