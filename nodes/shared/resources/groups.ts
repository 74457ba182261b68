import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { findInListing } from '../execution/listingLookup';
import type { RequestLimits } from '../execution/requestOptions';
import { runScoped } from '../execution/runScoped';
import { listPages, openAiErrorFacts, openAiRequest } from '../transport';
import type { LocatedKind } from './projectMembers';
import { readableItem } from './readableItem';

// The organization's groups: their fields, paths, reads and lists, for the Organization node (groups and their
// users) and the Projects node (the groups a project grants access).

const GROUP_ID = /^group_[A-Za-z0-9]+$/;

/** A group picked from the organization's groups: to manage it, to add a user to it, to give it a project. */
export const GROUP: LocatedKind = {
	parameter: 'groupId',
	label: 'Group',
	noun: 'group',
	idPattern: GROUP_ID,
	example: 'group_abc123',
	searchMethod: 'searchGroups',
};

/** A user picked from the group's users (after the group). */
export const GROUP_USER: LocatedKind = {
	parameter: 'userId',
	label: 'User',
	noun: 'user',
	idPattern: /^user-[A-Za-z0-9]+$/,
	example: 'user-abc123',
	searchMethod: 'searchGroupUsers',
	listedWhere: ' (after the group)',
};

/** A group picked from those that have access to the project (after the project). */
export const PROJECT_GROUP: LocatedKind = { ...GROUP, searchMethod: 'searchProjectGroups', listedWhere: ' (after the project)' };

export const GROUPS_PATH = '/organization/groups';

export const groupPath = (groupId: string) => `${GROUPS_PATH}/${groupId}`;
export const groupUsersPath = (groupId: string, userId?: string) =>
	`${groupPath(groupId)}/users${userId === undefined ? '' : `/${userId}`}`;
export const projectGroupsPath = (projectId: string, groupId?: string) =>
	`/organization/projects/${projectId}/groups${groupId === undefined ? '' : `/${groupId}`}`;

/** A group, a group's user or a project's group: name, email and dates first (see readableItem), then the answer. */
export function toGroupItem(entry: IDataObject, extra: IDataObject = {}): IDataObject {
	return readableItem(entry, extra);
}

/** One GET of something about groups; its 404 names `subject`. */
export async function readGroupThing(
	this: IExecuteFunctions,
	path: string,
	subject: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject> {
	const { body } = await openAiRequest.call(this, { method: 'GET', path, itemIndex, subject, ...limits });
	return body as IDataObject;
}

/** The group as it is now; a run of many items finds it in the group list (see listingLookup). */
export async function findGroup(this: IExecuteFunctions, groupId: string, itemIndex: number, limits: RequestLimits): Promise<IDataObject> {
	return await findInListing.call(this, { path: GROUPS_PATH, qs: {}, itemIndex, ...limits }, groupId, async () =>
		await readGroupThing.call(this, groupPath(groupId), `group ${groupId}`, itemIndex, limits),
	);
}

/** The group, read once per run: what a check of each of its users needs (its name, whether SCIM manages it). */
export async function groupOnce(this: IExecuteFunctions, groupId: string, itemIndex: number, limits: RequestLimits): Promise<IDataObject> {
	return await runScoped(this, `group ${groupId}`, async () => await findGroup.call(this, groupId, itemIndex, limits));
}

/** A list about groups, every page or up to `limit` entries, each made an output item by `toItem`. */
export async function listGroupThings(
	this: IExecuteFunctions,
	path: string,
	options: { limit: number; itemIndex: number; limits: RequestLimits; subject: string; toItem: (entry: IDataObject) => IDataObject },
): Promise<IDataObject[]> {
	const { limit, itemIndex, limits, subject, toItem } = options;
	const found: IDataObject[] = [];
	for await (const page of listPages.call(this, { path, qs: {}, itemIndex, subject, wanted: limit, ...limits })) {
		for (const entry of page) {
			found.push(toItem(entry));
			if (found.length >= limit) return found;
		}
	}
	return found;
}

/**
 * A group managed through SCIM belongs to the identity provider (Okta, Entra ID…): OpenAI's API cannot delete it
 * nor change its users, and the provider's next sync would undo it anyway. Refused before any change.
 */
export function refuseScimManaged(
	this: IExecuteFunctions,
	group: IDataObject,
	action: string,
	itemIndex: number,
): void {
	if (group.is_scim_managed !== true) return;
	throw new NodeOperationError(
		this.getNode(),
		`Group "${String(group.name ?? group.id)}" (${String(group.id)}) is managed by your identity provider (SCIM), so OpenAI cannot ${action}`,
		{
			itemIndex,
			description: 'Make this change in your identity provider (Okta, Entra ID…); it syncs the group to OpenAI. Nothing was changed.',
		},
	);
}

/** The name of a new or renamed group, checked as the contract bounds it (1 to 255 characters). */
export const groupNameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Support Team',
	description: 'The group\'s name as people see it (1 to 255 characters)',
};

export function readGroupName(this: IExecuteFunctions, itemIndex: number): string {
	const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
	if (name === '' || name.length > 255) {
		throw new NodeOperationError(
			this.getNode(),
			name === '' ? '"Name" is empty: enter the group\'s name' : `"Name" has ${name.length} characters; OpenAI allows 255`,
			{ itemIndex, description: 'A group name is 1 to 255 characters, e.g. "Support Team".' },
		);
	}
	return name;
}

/**
 * After a lost answer to an add: the thing as it is now if the add went through, else undefined (404), so the
 * transport sends the add again only when it did not.
 */
export async function readIfAdded(
	this: IExecuteFunctions,
	path: string,
	subject: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject | undefined> {
	return await readGroupThing.call(this, path, subject, itemIndex, limits).catch((error: unknown) => {
		if (openAiErrorFacts(error).status === 404) return undefined;
		throw error;
	});
}
