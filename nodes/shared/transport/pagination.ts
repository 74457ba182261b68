import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { openAiRequest } from './request';
import type { OpenAiFunctions, OpenAiRequest, OpenAiResponse } from './request';

/** OpenAI's largest page: the fewest requests for a full list. */
export const MAX_PAGE_SIZE = 100;
const DEFAULT_MAX_PAGES = 10_000;

interface CursorPage {
	data?: IDataObject[];
	has_more?: boolean;
	last_id?: string | null;
}

export interface CursorListRequest extends Omit<OpenAiRequest, 'method' | 'body'> {
	pageSize?: number;
	maxPages?: number;
}

/**
 * Walks a `limit`/`after` list page by page. The caller stops iterating as soon as it has enough,
 * so no page is fetched that is not needed.
 */
export async function* listPages(
	this: OpenAiFunctions,
	request: CursorListRequest,
): AsyncGenerator<IDataObject[]> {
	const { pageSize = MAX_PAGE_SIZE, maxPages = DEFAULT_MAX_PAGES, ...rest } = request;
	const seenCursors = new Set<string>();
	let after: string | undefined;
	for (let page = 1; ; page++) {
		const qs: IDataObject = { ...rest.qs, limit: pageSize };
		if (after !== undefined) qs.after = after;
		const { body } = await openAiRequest.call<OpenAiFunctions, [OpenAiRequest], Promise<OpenAiResponse<CursorPage>>>(
			this,
			{ ...rest, method: 'GET', qs },
		);
		const data = Array.isArray(body.data) ? body.data : [];
		yield data;
		if (!body.has_more) return;

		const next = body.last_id ?? (data.length ? String(data[data.length - 1].id) : undefined);
		if (!next || seenCursors.has(next)) {
			throw new NodeApiError(
				this.getNode(),
				{ cursor: next ?? null, page },
				{
					message: 'OpenAI kept returning the same page, so the list was stopped',
					description: `Page ${page} of ${rest.path} said there is more after "${next ?? '(nothing)'}", which was already read. Stopped to avoid an endless loop; nothing was returned. This is a fault on the API's (or a proxy's) side: try again later.`,
					itemIndex: rest.itemIndex,
				},
			);
		}
		if (page >= maxPages) {
			throw new NodeApiError(
				this.getNode(),
				{ page },
				{
					message: `The list is longer than ${maxPages} pages, so it was stopped`,
					description: `Use a limit instead of "Return All", or filters, to read less of ${rest.path}.`,
					itemIndex: rest.itemIndex,
				},
			);
		}
		seenCursors.add(next);
		after = next;
	}
}
