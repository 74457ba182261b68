import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllProperties } from '../execution/listLimit';
import type { Operation, PreparedItem } from '../execution/operation';
import { readRequestLimits } from '../execution/requestOptions';
import { listPages, openAiRequest } from '../transport';
import { getMemberId, memberLocator } from './projectMembers';
import type { LocatedKind } from './projectMembers';

type Described = Operation & { description: INodeProperties[] };

/** What a list of an organization's objects (admin keys, certificates…) needs besides the shared parts. */
interface ListSetting {
	resource: string;
	/** plural noun for "Return All", e.g. 'admin API key' */
	things: string;
	/** fields before Return All (a project picker), empty for the organization */
	fields?: INodeProperties[];
	/** the list's path for this item, e.g. /organization/admin_api_keys */
	path(this: IExecuteFunctions, itemIndex: number): string;
	toItem(entry: IDataObject, itemIndex: number, context: IExecuteFunctions): IDataObject;
	/** keeps only some entries (e.g. one owner's keys); a Limit then counts what is kept */
	keep?(this: IExecuteFunctions, itemIndex: number): (entry: IDataObject) => boolean;
}

/** "Get Many": every page of the list, or up to Limit entries, each a readable item. */
export function listOperation(setting: ListSetting, operation = 'getAll'): Described {
	return {
		description: updateDisplayOptions({ show: { resource: [setting.resource], operation: [operation] } }, [
			...(setting.fields ?? []),
			...returnAllProperties,
		]),
		prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
			const path = setting.path.call(this, itemIndex);
			const limit = readLimit.call(this, itemIndex, setting.things);
			const keep = setting.keep?.call(this, itemIndex);
			const limits = readRequestLimits.call(this, itemIndex);
			const send = async () => {
				const items: IDataObject[] = [];
				// Without a filter every entry read is kept, so a Limit bounds the pages too.
				const pages = listPages.call(this, { path, qs: {}, itemIndex, wanted: keep ? undefined : limit, ...limits });
				for await (const page of pages) {
					for (const entry of page) {
						if (keep && !keep(entry)) continue;
						items.push(setting.toItem(entry, itemIndex, this));
						if (items.length >= limit) return items;
					}
				}
				return items;
			};
			return { send };
		},
	};
}

/** A kind of the organization's objects (an Admin key, a certificate): its field and picker, and its list's path. */
export type OrganizationObjectKind = LocatedKind & { path: string };

/** GET {path}/{id} of an organization's object, its 404 naming it. */
export async function readOrganizationObject(
	this: IExecuteFunctions,
	kind: OrganizationObjectKind,
	id: string,
	context: { itemIndex: number; limits: ReturnType<typeof readRequestLimits>; qs?: IDataObject },
): Promise<IDataObject> {
	const { body } = await openAiRequest.call(this, {
		method: 'GET',
		path: `${kind.path}/${id}`,
		qs: context.qs,
		itemIndex: context.itemIndex,
		subject: `${kind.noun} ${id}`,
		...context.limits,
	});
	return body as IDataObject;
}

/** "Get": the object picked by its locator, read with one GET. `fields` adds options; `qs` reads them. */
export function getOperation(setting: {
	resource: string;
	kind: OrganizationObjectKind;
	locatorDescription: string;
	fields?: INodeProperties[];
	qs?: (this: IExecuteFunctions, itemIndex: number) => IDataObject;
	toItem(entry: IDataObject): IDataObject;
}): Described {
	return {
		description: updateDisplayOptions({ show: { resource: [setting.resource], operation: ['get'] } }, [
			memberLocator(setting.kind, setting.locatorDescription),
			...(setting.fields ?? []),
		]),
		prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
			const id = getMemberId.call(this, setting.kind, itemIndex);
			const qs = setting.qs?.call(this, itemIndex);
			const limits = readRequestLimits.call(this, itemIndex);
			return {
				send: async () => [setting.toItem(await readOrganizationObject.call(this, setting.kind, id, { itemIndex, limits, qs }))],
			};
		},
	};
}
