import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listPages } from '../transport';
import type { CursorListRequest } from '../transport';

/** OpenAI's clock and ours may differ a little; a lost create is looked for in this window. */
export const CLOCK_SKEW_SECONDS = 30;

/**
 * After a create whose answer was lost: the newest entry of `request`'s list that `matches` and was created since
 * `askedAt` (unix seconds, less the clock skew) is the one the lost attempt made; undefined when there is none.
 */
export async function findCreatedSince(
	this: IExecuteFunctions,
	request: CursorListRequest,
	askedAt: number,
	matches: (entry: IDataObject) => boolean,
): Promise<IDataObject | undefined> {
	let newest: IDataObject | undefined;
	for await (const page of listPages.call(this, request)) {
		for (const entry of page) {
			const createdAt = Number(entry.created_at);
			if (!matches(entry) || createdAt < askedAt - CLOCK_SKEW_SECONDS) continue;
			if (!newest || createdAt >= Number(newest.created_at)) newest = entry;
		}
	}
	return newest;
}
