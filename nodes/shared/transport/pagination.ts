import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, JsonObject } from 'n8n-workflow';

import { loadCredentials } from './credentials';
import type { OpenAiFunctions } from './http';
import { openAiRequest } from './request';
import type { OpenAiRequest, OpenAiResponse } from './request';

/** OpenAI's largest page of a `limit`/`after` list: the fewest requests for a full list. */
const MAX_PAGE_SIZE = 100;
const DEFAULT_MAX_PAGES = 10_000;
/** Empty pages in a row that still say `has_more` before the walk stops: one or two can happen, more is a fault. */
const EMPTY_PAGES_TOLERATED = 2;

interface Page {
	data?: IDataObject[];
	has_more?: boolean;
	last_id?: string | null;
	/** groups, roles and their assignments say where the next page starts in `next`, not `last_id` */
	next?: string | null;
	next_page?: string | null;
}

/** How one kind of OpenAI list says where the next page starts, and what the node calls the result. */
interface PageStyle {
	cursorParameter: 'after' | 'page';
	nextCursor(page: Page, data: IDataObject[]): string | undefined;
	noun: 'list' | 'report';
	narrowDown: string;
}

/**
 * Where a `limit`/`after` list continues: the API's `next` where it gives one (groups, roles, assignments, whose
 * entries' ids are not always cursors), else `last_id`, else the last entry's id.
 */
export function cursorAfter(page: Page, data: IDataObject[]): string | undefined {
	const given = [page.next, page.last_id].find((value) => typeof value === 'string' && value !== '');
	if (given !== undefined) return given as string;
	return data.length ? String(data[data.length - 1].id) : undefined;
}

const CURSOR_LIST: PageStyle = {
	cursorParameter: 'after',
	nextCursor: cursorAfter,
	noun: 'list',
	narrowDown: 'Use a limit instead of "Return All", or filters',
};

const PAGE_TOKEN: PageStyle = {
	cursorParameter: 'page',
	nextCursor: (page) => (typeof page.next_page === 'string' && page.next_page !== '' ? page.next_page : undefined),
	noun: 'report',
	narrowDown: 'Choose a shorter time range or fewer projects',
};

export interface PagedRequest extends Omit<OpenAiRequest, 'method' | 'body'> {
	maxPages?: number;
	/**
	 * At most this many items will be read from the walk (a Limit without filters). Every honest page holds at
	 * least one item, so the walk then stops after this many pages (plus the empty ones tolerated) at the latest.
	 */
	wanted?: number;
}

export interface CursorListRequest extends PagedRequest {
	pageSize?: number;
}

/** One page read, and the cursor to continue from (undefined when the API said there is no more). */
export interface PageRead {
	data: IDataObject[];
	next: string | undefined;
}

/**
 * Walks pages until the API says there are no more. The caller may stop iterating at any time, and no page
 * is fetched that it does not ask for. A cursor that comes back twice, or a missing one while the API says
 * there is more, ends the walk with an error rather than an endless loop.
 */
async function* walkPages(
	this: OpenAiFunctions,
	style: PageStyle,
	request: PagedRequest,
): AsyncGenerator<PageRead> {
	const { maxPages: askedMaxPages = DEFAULT_MAX_PAGES, wanted, ...rest } = request;
	const maxPages =
		wanted !== undefined && Number.isFinite(wanted)
			? Math.min(askedMaxPages, Math.max(1, Math.ceil(wanted)) + EMPTY_PAGES_TOLERATED)
			: askedMaxPages;
	const credentials = rest.credentials ?? (await loadCredentials.call(this, rest.itemIndex));
	const seenCursors = new Set<string>();
	let cursor: string | undefined;
	let emptyInARow = 0;
	const stop = (message: string, description: string, facts: JsonObject) =>
		new NodeApiError(this.getNode(), facts, { message, description, itemIndex: rest.itemIndex });
	for (let pageNumber = 1; ; pageNumber++) {
		const qs: IDataObject = { ...rest.qs };
		if (cursor !== undefined) qs[style.cursorParameter] = cursor;
		const { body } = await openAiRequest.call<OpenAiFunctions, [OpenAiRequest], Promise<OpenAiResponse<Page>>>(
			this,
			{ ...rest, credentials, method: 'GET', qs },
		);
		const data = Array.isArray(body.data) ? body.data : [];
		const next = body.has_more ? style.nextCursor(body, data) : undefined;
		yield { data, next };
		if (!body.has_more) return;

		emptyInARow = data.length === 0 ? emptyInARow + 1 : 0;
		if (emptyInARow > EMPTY_PAGES_TOLERATED) {
			throw stop(
				`OpenAI kept answering empty pages that say there is more, so the ${style.noun} was stopped`,
				`${emptyInARow} pages in a row of ${rest.path} (up to page ${pageNumber}) had no data but said there is more. Stopped to avoid an endless walk; nothing was returned. This is a fault on the API's (or a proxy's) side: try again later.`,
				{ page: pageNumber, emptyPagesInARow: emptyInARow },
			);
		}
		if (next === undefined) {
			throw stop(
				`OpenAI said there is more of the ${style.noun} but not where it continues, so it was stopped`,
				`Page ${pageNumber} of ${rest.path} said there is more but gave no cursor to continue from. Nothing was returned. This is a fault on the API's (or a proxy's) side: try again later.`,
				{ cursor: null, page: pageNumber },
			);
		}
		if (seenCursors.has(next)) {
			throw stop(
				`OpenAI kept returning the same page, so the ${style.noun} was stopped`,
				`Page ${pageNumber} of ${rest.path} said there is more after "${next}", which was already read. Stopped to avoid an endless loop; nothing was returned. This is a fault on the API's (or a proxy's) side: try again later.`,
				{ cursor: next, page: pageNumber },
			);
		}
		if (pageNumber >= maxPages) {
			throw stop(
				`The ${style.noun} is longer than ${maxPages} pages, so it was stopped`,
				wanted !== undefined && Number.isFinite(wanted)
					? `${wanted} item${wanted === 1 ? '' : 's'} never need${wanted === 1 ? 's' : ''} more than ${maxPages} pages of ${rest.path}; the API kept saying there is more. Try again later.`
					: `${style.narrowDown} to read less of ${rest.path}.`,
				{ page: pageNumber },
			);
		}
		seenCursors.add(next);
		cursor = next;
	}
}

/**
 * A `limit`/`after` list (projects, models…), page by page, each with the cursor to continue from: a walk that
 * stops early (a picker's screenful) can be continued later with `after` set to it.
 */
export async function* readCursorList(
	this: OpenAiFunctions,
	request: CursorListRequest,
): AsyncGenerator<PageRead> {
	const { pageSize = MAX_PAGE_SIZE, ...rest } = request;
	yield* walkPages.call(this, CURSOR_LIST, { ...rest, qs: { ...rest.qs, limit: pageSize } });
}

/** A `limit`/`after` list (projects, models…), page by page. */
export async function* listPages(
	this: OpenAiFunctions,
	request: CursorListRequest,
): AsyncGenerator<IDataObject[]> {
	for await (const page of readCursorList.call(this, request)) yield page.data;
}

/** A costs or usage report, following `page`/`next_page`; arrays go as `group_by[]=project_id`. */
export async function* listReportPages(
	this: OpenAiFunctions,
	request: PagedRequest,
): AsyncGenerator<IDataObject[]> {
	for await (const page of walkPages.call(this, PAGE_TOKEN, { arrayFormat: 'brackets', ...request })) yield page.data;
}
