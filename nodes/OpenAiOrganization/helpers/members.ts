import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { findInListing } from '../../shared/execution/listingLookup';
import type { ItemContext } from '../../shared/execution/destructiveOperation';
import type { RequestLimits } from '../../shared/execution/requestOptions';
import { openAiRequest } from '../../shared/transport';
import { readableItem } from '../../shared/resources/readableItem';
import { getMemberId, memberLocator } from '../../shared/resources/projectMembers';
import type { LocatedKind } from '../../shared/resources/projectMembers';

/** An organization's user or invite: the field and picker that name it (see memberLocator), and its list. */
export interface OrganizationKind extends LocatedKind {
	/** e.g. /organization/users */
	path: string;
}

export const USER: OrganizationKind = {
	parameter: 'userId',
	label: 'User',
	path: '/organization/users',
	noun: 'user',
	example: 'user-abc123',
	idPattern: /^user-[A-Za-z0-9]+$/,
	// The Projects node's search of the organization's users (its "Add" picker) serves this node's too.
	searchMethod: 'searchOrganizationUsers',
};

export const INVITE: OrganizationKind = {
	parameter: 'inviteId',
	label: 'Invite',
	path: '/organization/invites',
	noun: 'invite',
	example: 'invite-abc123',
	idPattern: /^invite-[A-Za-z0-9]+$/,
	searchMethod: 'searchInvites',
};

export { getMemberId, memberLocator };

/** A user or invite: name, email, role and dates first (see readableItem), then OpenAI's answer unchanged. */
export function toMemberItem(member: IDataObject, extra: IDataObject = {}): IDataObject {
	return readableItem(member, extra);
}

/** One user or invite, and the item and request limits to ask for it with: what readMember and findMember take. */
type MemberRead = [kind: OrganizationKind, id: string, itemIndex: number, limits: RequestLimits];

/** A request about one user or invite: {path}/{id}, and its name for a 404 ("invite invite-abc"). */
function memberRequest(...[kind, id, itemIndex, limits]: MemberRead) {
	return { path: `${kind.path}/${id}`, itemIndex, subject: `${kind.noun} ${id}`, ...limits };
}

/** GET {path}/{id}: the user or invite as it is now (404 when it is not in the organization). */
export async function readMember(this: IExecuteFunctions, ...member: MemberRead): Promise<IDataObject> {
	const response = await openAiRequest.call(this, { method: 'GET', ...memberRequest(...member) });
	return response.body as IDataObject;
}

/**
 * The user or invite as it is now, before a destructive change: a run of many items finds them in the listing,
 * read by pages once for the run (see listingLookup), the others with their own GET.
 */
export async function findMember(this: IExecuteFunctions, ...member: MemberRead): Promise<IDataObject> {
	const [kind, id, itemIndex, limits] = member;
	return await findInListing.call(this, { path: kind.path, qs: {}, itemIndex, ...limits }, id, async () =>
		await readMember.call(this, ...member),
	);
}

/**
 * What removing an organization's user or deleting an invite has in common, for destructiveOperation: the ID from
 * the item, the user or invite found as it is now, its name in the plan, and the DELETE, whose answer names who it was.
 */
export function organizationMemberRemoval(kind: OrganizationKind) {
	return {
		target(this: IExecuteFunctions, itemIndex: number): string {
			return getMemberId.call(this, kind, itemIndex);
		},
		async find(this: IExecuteFunctions, id: string, { itemIndex, limits }: ItemContext) {
			return await findMember.call(this, kind, id, itemIndex, limits);
		},
		describe(found: IDataObject, id: string): string {
			return `${kind.noun} ${found.email ? `"${String(found.email)}" ` : ''}(${id})`;
		},
		item(entry: IDataObject, _id: string, extra: IDataObject = {}): IDataObject {
			return toMemberItem(entry, extra);
		},
		async change(this: IExecuteFunctions, id: string, found: IDataObject, { itemIndex, limits }: ItemContext) {
			const { body } = await openAiRequest.call(this, { method: 'DELETE', ...memberRequest(kind, id, itemIndex, limits) });
			const who: IDataObject = { email: found.email ?? null };
			if ('name' in found) who.name = found.name ?? null;
			return { ...(body as IDataObject), ...who };
		},
	};
}
