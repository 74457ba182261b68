import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import type { ItemContext } from '../../../shared/execution/destructiveOperation';
import { openAiRequest } from '../../../shared/transport';
import { getMemberId, memberLocator } from '../../../shared/resources/projectMembers';
import { findGroup, GROUP, groupPath, refuseScimManaged, toGroupItem } from '../../../shared/resources/groups';

/** A deleted group is gone with its users' memberships and its access to projects; it cannot be undone. */
export const { destructive, description, prepare } = destructiveOperation({
	rules: { verb: 'delete', pastTense: 'deleted', items: 'groups' },
	show: { resource: ['group'], operation: ['delete'] },
	fields: [
		memberLocator(
			GROUP,
			'The group to delete. Its users stay in the organization but lose the projects and roles the group gave them.',
		),
	],
	target(this: IExecuteFunctions, itemIndex: number): string {
		return getMemberId.call(this, GROUP, itemIndex);
	},
	async find(this: IExecuteFunctions, groupId: string, { itemIndex, limits }: ItemContext) {
		return await findGroup.call(this, groupId, itemIndex, limits);
	},
	refuse(group, _groupId, { itemIndex }) {
		refuseScimManaged.call(this, group, 'delete it', itemIndex);
	},
	describe(group: IDataObject, groupId: string): string {
		return `group "${String(group.name ?? groupId)}" (${groupId})`;
	},
	item(entry: IDataObject, _groupId: string, extra: IDataObject = {}): IDataObject {
		return toGroupItem(entry, extra);
	},
	async change(this: IExecuteFunctions, groupId: string, group: IDataObject, { itemIndex, limits }: ItemContext) {
		const { body } = await openAiRequest.call(this, {
			method: 'DELETE',
			path: groupPath(groupId),
			itemIndex,
			subject: `group ${groupId}`,
			...limits,
		});
		return toGroupItem({ ...(body as IDataObject), name: group.name ?? null });
	},
});
