import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import type { ItemContext } from '../../../shared/execution/destructiveOperation';
import { openAiRequest } from '../../../shared/transport';
import { getMemberId, memberLocator } from '../../../shared/resources/projectMembers';
import {
	GROUP,
	GROUP_USER,
	groupOnce,
	groupUsersPath,
	readGroupThing,
	refuseScimManaged,
	toGroupItem,
} from '../../../shared/resources/groups';

interface GroupUserTarget {
	groupId: string;
	userId: string;
}

const subjectOf = ({ groupId, userId }: GroupUserTarget) => `user ${userId} in group ${groupId}`;

/** A user taken out of a group stays in the organization, but loses the projects and roles the group gave them. */
export const { destructive, description, prepare } = destructiveOperation({
	rules: { verb: 'remove', pastTense: 'removed', items: 'users' },
	show: { resource: ['groupMember'], operation: ['remove'] },
	fields: [
		memberLocator(GROUP, 'The group to take the user out of'),
		memberLocator(GROUP_USER, 'The user to take out of the group. They stay in the organization.'),
	],
	target(this: IExecuteFunctions, itemIndex: number): GroupUserTarget {
		return { groupId: getMemberId.call(this, GROUP, itemIndex), userId: getMemberId.call(this, GROUP_USER, itemIndex) };
	},
	async find(this: IExecuteFunctions, target: GroupUserTarget, { itemIndex, limits }: ItemContext) {
		const group = await groupOnce.call(this, target.groupId, itemIndex, limits);
		const user = await readGroupThing.call(this, groupUsersPath(target.groupId, target.userId), subjectOf(target), itemIndex, limits);
		return { ...user, groupId: target.groupId, groupName: group.name ?? null };
	},
	async refuse(_user, { groupId }, { itemIndex, limits }) {
		refuseScimManaged.call(this, await groupOnce.call(this, groupId, itemIndex, limits), 'remove its users', itemIndex);
	},
	describe(user: IDataObject, { groupId, userId }: GroupUserTarget): string {
		const who = user.email ?? user.name;
		return `user ${who ? `"${String(who)}" ` : ''}(${userId}) from group "${String(user.groupName ?? groupId)}" (${groupId})`;
	},
	item(entry: IDataObject, _target: GroupUserTarget, extra: IDataObject = {}): IDataObject {
		return toGroupItem(entry, extra);
	},
	async change(this: IExecuteFunctions, target: GroupUserTarget, user: IDataObject, { itemIndex, limits }: ItemContext) {
		const { body } = await openAiRequest.call(this, {
			method: 'DELETE',
			path: groupUsersPath(target.groupId, target.userId),
			itemIndex,
			subject: subjectOf(target),
			...limits,
		});
		const { id, name, email, groupId, groupName } = user;
		return toGroupItem({ id, name, email, groupId, groupName, ...(body as IDataObject) });
	},
});
