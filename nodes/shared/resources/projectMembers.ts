import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { findInListing } from '../execution/listingLookup';
import type { ItemContext } from '../execution/destructiveOperation';
import type { RequestLimits } from '../execution/requestOptions';
import { idValidation, listLocator } from '../parameters/locators';
import { getProjectId } from './projects';
import { listPages, openAiRequest } from '../transport';
import { readableItem } from './readableItem';

/** A thing an operation names by ID (a project's member, an organization's user or invite): its field and picker. */
export interface LocatedKind {
	/** the node parameter holding its ID */
	parameter: string;
	/** the parameter's label, e.g. 'User' */
	label: string;
	/** lower case, e.g. 'user', as errors and subjects name it */
	noun: string;
	idPattern: RegExp;
	example: string;
	searchMethod: string;
	/** where its picker lists it, e.g. '(after the project)'; empty when the list needs nothing chosen first */
	listedWhere?: string;
}

/** One kind of thing that lives inside a project: its list under the project, its ID's form, its picker. */
export interface MemberKind extends LocatedKind {
	/** the path segment under /organization/projects/{id}/ */
	collection: 'users' | 'service_accounts' | 'api_keys';
}

export const PROJECT_USER: MemberKind = {
	parameter: 'userId',
	label: 'User',
	noun: 'user',
	collection: 'users',
	idPattern: /^user-[A-Za-z0-9]+$/,
	example: 'user-abc123',
	searchMethod: 'searchProjectUsers',
	listedWhere: ' (after the project)',
};

export const SERVICE_ACCOUNT: MemberKind = {
	parameter: 'serviceAccountId',
	label: 'Service Account',
	noun: 'service account',
	collection: 'service_accounts',
	idPattern: /^svc_acct_[A-Za-z0-9]+$/,
	example: 'svc_acct_abc123',
	searchMethod: 'searchServiceAccounts',
	listedWhere: ' (after the project)',
};

export const PROJECT_API_KEY: MemberKind = {
	parameter: 'apiKeyId',
	label: 'API Key',
	noun: 'API key',
	collection: 'api_keys',
	idPattern: /^key_[A-Za-z0-9]+$/,
	example: 'key_abc123',
	searchMethod: 'searchProjectApiKeys',
	listedWhere: ' (after the project)',
};

function article(noun: string): string {
	return /^[aeio]/i.test(noun) ? 'an' : 'a';
}

function capitalised(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The field of an operation on one member (user, invite…): picked from its searchable list, or given by ID. */
export function memberLocator(kind: LocatedKind, description: string): INodeProperties {
	return listLocator({
		displayName: kind.label,
		name: kind.parameter,
		description,
		searchListMethod: kind.searchMethod,
		modes: [
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: kind.example,
				validation: idValidation(
					kind.idPattern.source.replace(/^\^|\$$/g, ''),
					`${capitalised(article(kind.noun))} ${kind.noun} ID looks like ${kind.example}`,
				),
			},
		],
	});
}

/** The member's ID from its locator, checked before any request. */
export function getMemberId(this: IExecuteFunctions, kind: LocatedKind, itemIndex: number): string {
	const id = String(this.getNodeParameter(kind.parameter, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!id) {
		throw new NodeOperationError(this.getNode(), `"${kind.label}" is empty: pick a ${kind.noun} from the list or enter its ID`, {
			itemIndex,
		});
	}
	if (!kind.idPattern.test(id)) {
		throw new NodeOperationError(this.getNode(), `"${kind.label}" must be ${article(kind.noun)} ${kind.noun} ID like ${kind.example}, not "${id}"`, {
			itemIndex,
			description: `Pick the ${kind.noun} from the list${kind.listedWhere ?? ''}, or map the "id" field of a "Get Many" item.`,
		});
	}
	return id;
}

export function memberPath(kind: MemberKind, projectId: string, id?: string): string {
	const list = `/organization/projects/${projectId}/${kind.collection}`;
	return id === undefined ? list : `${list}/${id}`;
}

export function memberSubject(kind: MemberKind, projectId: string, id: string): string {
	return `${kind.noun} ${id} in project ${projectId}`;
}

/** A member: name, email, role, project name and dates first (see readableItem), then OpenAI's answer and its project. */
export function toMemberItem(entry: IDataObject, projectId: string, extra: IDataObject = {}): IDataObject {
	return readableItem({ ...entry, projectId }, extra);
}

/** A request about one member: its path, and its name for a 404 ("user user-abc in project proj_abc"). */
function memberRequest(kind: MemberKind, projectId: string, id: string, itemIndex: number, limits: RequestLimits) {
	return { path: memberPath(kind, projectId, id), itemIndex, subject: memberSubject(kind, projectId, id), ...limits };
}

/** One member of a project, and the item and request limits to ask for it with: what readMember and findMember take. */
type MemberRead = [kind: MemberKind, projectId: string, id: string, itemIndex: number, limits: RequestLimits];

/** GET one member (404 in plain words when it is not in the project). */
export async function readMember(this: IExecuteFunctions, ...member: MemberRead): Promise<IDataObject> {
	const response = await openAiRequest.call(this, { method: 'GET', ...memberRequest(...member) });
	return response.body as IDataObject;
}

/**
 * A destructive check's read of one member: a run of many items finds it in the project's list, read once for the
 * run (see listingLookup.ts); a small run, or one the list does not hold, reads it with its own GET.
 */
export async function findMember(this: IExecuteFunctions, ...member: MemberRead): Promise<IDataObject> {
	const [kind, projectId, id, itemIndex, limits] = member;
	const qs: IDataObject = kind.collection === 'api_keys' ? { owner_project_access: 'any' } : {};
	return await findInListing.call(this, { path: memberPath(kind, projectId), qs, itemIndex, ...limits }, id, async () =>
		await readMember.call(this, ...member),
	);
}

/** A project's members of one kind, page by page, kept when `keep` says so, up to `limit`. */
export async function listMembers(
	this: IExecuteFunctions,
	kind: MemberKind,
	projectId: string,
	options: { limit: number; itemIndex: number; limits: RequestLimits; qs?: IDataObject; keep?: (entry: IDataObject) => boolean },
): Promise<IDataObject[]> {
	const { limit, itemIndex, limits, qs = {}, keep } = options;
	const found: IDataObject[] = [];
	const pages = listPages.call(this, {
		path: memberPath(kind, projectId),
		qs,
		itemIndex,
		subject: `project ${projectId}`,
		// Without a filter every entry read is kept, so a Limit bounds the pages too.
		wanted: keep ? undefined : limit,
		...limits,
	});
	for await (const page of pages) {
		for (const entry of page) {
			if (keep && !keep(entry)) continue;
			found.push(entry);
			if (found.length >= limit) return found;
		}
	}
	return found;
}

/** One member of a project, as a destructive operation names it: the project and the member's ID. */
export interface MemberTarget {
	projectId: string;
	id: string;
}

/**
 * What the delete of a project's member (user, service account, API key) has in common, for destructiveOperation:
 * the project and member from the item, the member found as it is now, its name in the plan, and the DELETE.
 */
export function projectMemberRemoval(kind: MemberKind) {
	return {
		target(this: IExecuteFunctions, itemIndex: number): MemberTarget {
			return { projectId: getProjectId.call(this, itemIndex), id: getMemberId.call(this, kind, itemIndex) };
		},
		async find(this: IExecuteFunctions, { projectId, id }: MemberTarget, { itemIndex, limits }: ItemContext) {
			return await findMember.call(this, kind, projectId, id, itemIndex, limits);
		},
		describe(found: IDataObject, { projectId, id }: MemberTarget): string {
			const label = found.email ?? found.name;
			return `${kind.noun} ${label ? `"${String(label)}" ` : ''}(${id}) in project ${projectId}`;
		},
		item(entry: IDataObject, { projectId }: MemberTarget, extra: IDataObject = {}): IDataObject {
			return toMemberItem(entry, projectId, extra);
		},
		async change(this: IExecuteFunctions, { projectId, id }: MemberTarget, _found: IDataObject, { itemIndex, limits }: ItemContext) {
			const response = await openAiRequest.call(this, { method: 'DELETE', ...memberRequest(kind, projectId, id, itemIndex, limits) });
			return toMemberItem(response.body as IDataObject, projectId);
		},
	};
}
