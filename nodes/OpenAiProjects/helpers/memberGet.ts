import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../shared/execution/operation';
import { readRequestLimits } from '../../shared/execution/requestOptions';
import { getMemberId, memberLocator, readMember, toMemberItem } from '../../shared/resources/projectMembers';
import type { MemberKind } from '../../shared/resources/projectMembers';
import { projectLocator } from './projectLocator';
import { getProjectId, readProjectName } from '../../shared/resources/projects';

/**
 * The "Get" operation of a kind of member: the project, the member picked inside it, one GET. `extra` adds fields
 * worked out from the answer (a key's owner, its days since last use); `withProjectName` adds the project's name.
 */
export function memberGetOperation(
	resource: string,
	kind: MemberKind,
	locatorDescription: string,
	extra: (entry: IDataObject) => IDataObject = () => ({}),
	withProjectName = false,
): { description: INodeProperties[]; prepare: (this: IExecuteFunctions, itemIndex: number) => PreparedItem } {
	return {
		description: updateDisplayOptions({ show: { resource: [resource], operation: ['get'] } }, [
			projectLocator,
			memberLocator(kind, locatorDescription),
		]),
		prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
			const projectId = getProjectId.call(this, itemIndex);
			const id = getMemberId.call(this, kind, itemIndex);
			const limits = readRequestLimits.call(this, itemIndex);
			return {
				send: async () => {
					const entry = await readMember.call(this, kind, projectId, id, itemIndex, limits);
					const named = withProjectName ? { projectName: await readProjectName.call(this, projectId, itemIndex, limits) } : {};
					return [toMemberItem(entry, projectId, { ...named, ...extra(entry) })];
				},
			};
		},
	};
}
