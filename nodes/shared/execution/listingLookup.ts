import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listPages } from '../transport';
import type { CursorListRequest } from '../transport';
import { runScoped } from './runScoped';

/**
 * Fewer items than this look each target up with its own GET: a listing pays off only when a run touches many
 * targets (a bulk archive, a key clean-up), and a small run in a large organization should not page through it.
 */
export const LISTING_FROM_ITEMS = 10;

/**
 * The targets of one run, found in the listing that holds them: pages are read only as far as needed, each page
 * once, shared by every item of the execution. The listing may read at most as many pages as the run has items,
 * so it never costs more requests than a GET per item would; what it has not found by then is for the caller to
 * read one by one (which also gives the API's own "not found" for a target that does not exist).
 */
class ListingLookup {
	private readonly found = new Map<string, IDataObject>();
	private pages: AsyncGenerator<IDataObject[]> | undefined;
	private pagesLeft: number;
	private exhausted = false;
	private queue: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly request: CursorListRequest,
		pageBudget: number,
	) {
		this.pagesLeft = pageBudget;
	}

	/** One search at a time: a second item waits for the pages the first is reading, then looks in them. */
	async find(id: string): Promise<IDataObject | undefined> {
		const search = this.queue.then(async () => await this.search(id));
		this.queue = search.catch(() => undefined);
		return await search;
	}

	private async search(id: string): Promise<IDataObject | undefined> {
		while (!this.found.has(id) && !this.exhausted && this.pagesLeft > 0) {
			this.pages ??= listPages.call(this.context, this.request);
			this.pagesLeft--;
			let page: IteratorResult<IDataObject[]>;
			try {
				page = await this.pages.next();
			} catch {
				// The listing failed (after its retries): each target is then read on its own, whose error names it.
				page = { done: true, value: undefined };
			}
			if (page.done) {
				this.exhausted = true;
				break;
			}
			for (const entry of page.value) {
				if (typeof entry.id === 'string') this.found.set(entry.id, entry);
			}
		}
		return this.found.get(id);
	}
}

/**
 * The target `id` as it is now, before a destructive change: a run of LISTING_FROM_ITEMS items or more finds it in
 * the listing `request` names (shared by every item of this execution), and what the listing does not give (a
 * small run, a target it does not hold, a spent page budget) is read alone by `readAlone`, its own GET, which also
 * gives OpenAI's "not found" for a target that does not exist.
 */
export async function findInListing(
	this: IExecuteFunctions,
	request: CursorListRequest,
	id: string,
	readAlone: () => Promise<IDataObject>,
): Promise<IDataObject> {
	const items = this.getInputData().length;
	if (items < LISTING_FROM_ITEMS) return await readAlone();
	const key = `listing ${request.path} ${JSON.stringify(request.qs ?? {})}`;
	const lookup = await runScoped(this, key, async () => new ListingLookup(this, request, items));
	return (await lookup.find(id)) ?? (await readAlone());
}
