import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import type { ItemContext } from '../../../shared/execution/destructiveOperation';
import { openAiRequest } from '../../../shared/transport';
import { getMemberId, memberLocator } from '../../../shared/resources/projectMembers';
import type { MemberTarget } from '../../../shared/resources/projectMembers';
import { getProjectId } from '../../../shared/resources/projects';
import { PROJECT_GROUP, projectGroupsPath, readGroupThing, toGroupItem } from '../../../shared/resources/groups';
import { projectLocator } from '../../helpers/projectLocator';

const subjectOf = ({ projectId, id }: MemberTarget) => `group ${id} in project ${projectId}`;

/**
 * The group's users lose the access the group gave them to the project; what they hold there as users of the
 * project themselves stays. OpenAI refuses nothing here (the Default project included), and neither does the node.
 */
export const { destructive, description, prepare } = destructiveOperation({
	rules: { verb: 'remove', pastTense: 'removed', items: 'groups' },
	show: { resource: ['projectGroup'], operation: ['remove'] },
	fields: [
		projectLocator,
		memberLocator(
			PROJECT_GROUP,
			"The group whose access to the project ends. Its users keep any access they have as the project's own users.",
		),
	],
	target(this: IExecuteFunctions, itemIndex: number): MemberTarget {
		return { projectId: getProjectId.call(this, itemIndex), id: getMemberId.call(this, PROJECT_GROUP, itemIndex) };
	},
	async find(this: IExecuteFunctions, target: MemberTarget, { itemIndex, limits }: ItemContext) {
		return await readGroupThing.call(this, projectGroupsPath(target.projectId, target.id), subjectOf(target), itemIndex, limits);
	},
	describe(group: IDataObject, { projectId, id }: MemberTarget): string {
		return `group "${String(group.group_name ?? id)}" (${id}) from project ${projectId}`;
	},
	item(entry: IDataObject, _target: MemberTarget, extra: IDataObject = {}): IDataObject {
		return toGroupItem(entry, extra);
	},
	async change(this: IExecuteFunctions, target: MemberTarget, group: IDataObject, { itemIndex, limits }: ItemContext) {
		const { body } = await openAiRequest.call(this, {
			method: 'DELETE',
			path: projectGroupsPath(target.projectId, target.id),
			itemIndex,
			subject: subjectOf(target),
			...limits,
		});
		const { project_id, group_id, group_name } = group;
		return toGroupItem({ project_id, group_id, group_name, ...(body as IDataObject) });
	},
});
