import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectList, readLimit } from '../../shared/execution/listLimit';
import type { PreparedItem } from '../../shared/execution/operation';
import { readRequestLimits } from '../../shared/execution/requestOptions';
import type { RequestLimits } from '../../shared/execution/requestOptions';
import { checkScopeOverrides, openAiRequest } from '../../shared/transport';
import type { ScopeOverrides } from '../../shared/transport';

/** The organization and project every call of this node may run under, per item. */
export const scopeFields: INodeProperties[] = [
	{
		displayName: 'Organization ID',
		name: 'organizationId',
		type: 'string',
		default: '',
		placeholder: 'org-…',
		description:
			"Runs this call under another organization of the key (sent as OpenAI-Organization). Empty uses the credential's.",
	},
	{
		displayName: 'Project ID',
		name: 'projectId',
		type: 'string',
		default: '',
		placeholder: 'proj_…',
		description:
			"Bills this call to a project of that organization (sent as OpenAI-Project). Empty uses the credential's.",
		// This node's key (a project or user key) cannot list projects, so there is no picker here.
		hint: 'Typed, not picked: a project or user key cannot list projects. Copy the ID from OpenAI Projects > Get Many, or from platform.openai.com/settings/organization/projects.',
	},
];

/** The item's organization and project, checked before anything is sent. */
export function readScope(this: IExecuteFunctions, itemIndex: number): ScopeOverrides {
	return checkScopeOverrides.call(this, {
		organizationId: String(this.getNodeParameter('organizationId', itemIndex, '') ?? ''),
		projectId: String(this.getNodeParameter('projectId', itemIndex, '') ?? ''),
		itemIndex,
	});
}

/** Where one item's request goes: its organization and project, its item, its request limits. */
export interface ScopedContext {
	scope: ScopeOverrides;
	itemIndex: number;
	limits: RequestLimits;
}

/**
 * One GET, DELETE or body-less POST (a cancel) of a single object (a model, a stored response) under the item's
 * scope; `subject` names it in a 404.
 */
export async function requestOne(
	this: IExecuteFunctions,
	method: 'GET' | 'DELETE' | 'POST',
	path: string,
	subject: string,
	{ scope, itemIndex, limits }: ScopedContext,
): Promise<IDataObject> {
	const response = await openAiRequest.call(this, { method, path, scope, itemIndex, subject, ...limits });
	return response.body as IDataObject;
}

/** One Get Many of this node: where the list is, what it holds, and how an entry becomes an output item. */
export interface ScopedList {
	path: string;
	/** one entry in words, for the fix of a bad Limit, e.g. 'batch' */
	things: string;
	qs?: IDataObject;
	/** names the list's owner in a 404, e.g. 'response resp_…' */
	subject?: string;
	toItem?: (entry: IDataObject) => IDataObject;
	/** the list's largest page (its contract's `limit` maximum), when not 100 */
	largestPage?: number;
}

/**
 * A Get Many under the item's organization and project: "Return All" or "Limit" (getManyProperties), paged by
 * `after`, one output item per entry. Everything is read and checked here, before any request.
 */
export function prepareScopedList(this: IExecuteFunctions, itemIndex: number, list: ScopedList): PreparedItem {
	const limit = readLimit.call(this, itemIndex, list.things);
	const scope = readScope.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const subject = list.subject === undefined ? {} : { subject: list.subject };
	const request = { path: list.path, qs: list.qs ?? {}, scope, itemIndex, ...subject, ...limits };
	return { send: async () => await collectList.call(this, request, limit, list.toItem, list.largestPage) };
}
