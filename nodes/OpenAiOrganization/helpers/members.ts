import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { findInListing } from '../../shared/execution/listingLookup';
import type { RequestLimits } from '../../shared/execution/requestOptions';
import { openAiRequest } from '../../shared/transport';
import { utcIso } from '../../shared/time/dates';

/** What a user or an invite is, for the pickers, the checks and the error texts of this node. */
export interface MemberKind {
	/** the parameter, e.g. userId */
	parameter: string;
	/** the field's label, e.g. User */
	label: string;
	/** e.g. /organization/users */
	path: string;
	/** e.g. user */
	noun: string;
	/** IDs look like this, e.g. user-abc123 */
	example: string;
	pattern: RegExp;
	searchMethod: string;
}

export const USER: MemberKind = {
	parameter: 'userId',
	label: 'User',
	path: '/organization/users',
	noun: 'user',
	example: 'user-abc123',
	pattern: /^user-[A-Za-z0-9]+$/,
	searchMethod: 'searchUsers',
};

export const INVITE: MemberKind = {
	parameter: 'inviteId',
	label: 'Invite',
	path: '/organization/invites',
	noun: 'invite',
	example: 'invite-abc123',
	pattern: /^invite-[A-Za-z0-9]+$/,
	searchMethod: 'searchInvites',
};

/** The field naming one user or invite: picked from a searchable list or given by ID. */
export function memberLocator(kind: MemberKind, description: string): INodeProperties {
	return {
		displayName: kind.label,
		name: kind.parameter,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: kind.searchMethod, searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: kind.example,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: kind.pattern.source.replace(/^\^|\$$/g, ''),
							errorMessage: `A ${kind.noun} ID looks like ${kind.example}`,
						},
					},
				],
			},
		],
	};
}

/** The locator's value, from the list or typed as an ID, checked before any request. */
export function readMemberId(this: IExecuteFunctions, kind: MemberKind, itemIndex: number): string {
	const id = String(this.getNodeParameter(kind.parameter, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!id) {
		throw new NodeOperationError(this.getNode(), `"${kind.label}" is empty: pick a ${kind.noun} from the list or enter its ID`, {
			itemIndex,
		});
	}
	if (!kind.pattern.test(id)) {
		throw new NodeOperationError(this.getNode(), `"${kind.label}" must be a ${kind.noun} ID like ${kind.example}, not "${id}"`, {
			itemIndex,
			description: `Pick the ${kind.noun} from the list, or use the id field of a Get Many ${kind.noun}s item.`,
		});
	}
	return id;
}

function isoOrNull(seconds: unknown): string | null {
	return typeof seconds === 'number' ? utcIso(seconds) : null;
}

const ISO_FIELDS: Record<string, string> = {
	added_at: 'addedAtIso',
	created_at: 'createdAtIso',
	expires_at: 'expiresAtIso',
	accepted_at: 'acceptedAtIso',
};

/** A user or invite as OpenAI returns it, plus readable dates for Sort, Filter and spreadsheet nodes. */
export function toMemberItem(member: IDataObject, extra: IDataObject = {}): IDataObject {
	const item: IDataObject = { ...member };
	for (const [field, name] of Object.entries(ISO_FIELDS)) {
		if (field in member) item[name] = isoOrNull(member[field]);
	}
	return { ...item, ...extra };
}

/** GET {path}/{id}: the user or invite as it is now (404 when it is not in the organization). */
export async function readMember(
	this: IExecuteFunctions,
	kind: MemberKind,
	id: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject> {
	const response = await openAiRequest.call(this, {
		method: 'GET',
		path: `${kind.path}/${id}`,
		itemIndex,
		subject: `${kind.noun} ${id}`,
		...limits,
	});
	return response.body as IDataObject;
}

/**
 * The user or invite as it is now, before a destructive change: a run of many items finds them in the listing,
 * read by pages once for the run (see listingLookup), the others with their own GET.
 */
export async function findMember(
	this: IExecuteFunctions,
	kind: MemberKind,
	id: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject> {
	const listed = await findInListing.call(this, kind.path, { path: kind.path, qs: {}, itemIndex, ...limits }, id);
	return listed ?? (await readMember.call(this, kind, id, itemIndex, limits));
}
