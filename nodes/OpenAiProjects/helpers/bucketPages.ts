import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { openAiRequest } from '../../shared/transport';
import type { OpenAiRequest, OpenAiResponse } from '../../shared/transport';

/** One time bucket of the costs or usage API; `results` holds one row per group. */
export interface TimeBucket {
	start_time: number;
	end_time: number;
	results: IDataObject[];
}

interface BucketPage {
	data?: TimeBucket[];
	has_more?: boolean;
	next_page?: string | null;
}

export interface BucketListRequest {
	path: string;
	qs: IDataObject;
	itemIndex: number;
	maxRetries?: number;
	timeoutMs?: number;
	maxPages?: number;
}

const DEFAULT_MAX_PAGES = 1_000;

/** Reads every bucket of a costs or usage report, following `page`/`next_page` until `has_more` is false. */
export async function listAllBuckets(this: IExecuteFunctions, request: BucketListRequest): Promise<TimeBucket[]> {
	const { maxPages = DEFAULT_MAX_PAGES, qs, ...rest } = request;
	const buckets: TimeBucket[] = [];
	const seenCursors = new Set<string>();
	let cursor: string | undefined;
	for (let page = 1; ; page++) {
		const { body } = await openAiRequest.call<IExecuteFunctions, [OpenAiRequest], Promise<OpenAiResponse<BucketPage>>>(
			this,
			{
				...rest,
				method: 'GET',
				qs: cursor === undefined ? qs : { ...qs, page: cursor },
				// OpenAI reads arrays as group_by[]=project_id.
				arrayFormat: 'brackets',
			},
		);
		if (Array.isArray(body.data)) buckets.push(...body.data);
		if (!body.has_more) return buckets;

		const next = typeof body.next_page === 'string' && body.next_page !== '' ? body.next_page : undefined;
		if (next === undefined || seenCursors.has(next)) {
			throw new NodeApiError(
				this.getNode(),
				{ cursor: next ?? null, page },
				{
					message: 'OpenAI kept returning the same page, so the report was stopped',
					description: `Page ${page} of ${rest.path} said there is more at "${next ?? '(no next page)'}", which was already read. Stopped to avoid an endless loop; nothing was returned. This is a fault on the API's (or a proxy's) side: try again later.`,
					itemIndex: rest.itemIndex,
				},
			);
		}
		if (page >= maxPages) {
			throw new NodeApiError(
				this.getNode(),
				{ page },
				{
					message: `The report is longer than ${maxPages} pages, so it was stopped`,
					description: `Choose a shorter time range or fewer projects to read less of ${rest.path}.`,
					itemIndex: rest.itemIndex,
				},
			);
		}
		seenCursors.add(next);
		cursor = next;
	}
}
