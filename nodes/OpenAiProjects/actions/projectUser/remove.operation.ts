import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { destructiveProperties } from '../../../shared/execution/destructive';
import type { DestructiveRules, PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import type { RequestLimits } from '../../../shared/execution/requestOptions';
import { runScoped } from '../../../shared/execution/runScoped';
import {
	deleteMember,
	findMember,
	getMemberId,
	listMembers,
	memberLocator,
	PROJECT_USER,
	toMemberItem,
} from '../../../shared/resources/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';

export const destructive: DestructiveRules = { verb: 'remove', pastTense: 'removed', items: 'users' };

const show = { resource: ['projectUser'], operation: ['remove'] };

export const description = [
	...updateDisplayOptions({ show }, [
		projectLocator,
		memberLocator(PROJECT_USER, 'The user to take out of the project. Their API keys in it stop working.'),
	]),
	...destructiveProperties(show, destructive),
];

/** The project's owners, read once per run and project. */
async function ownersOf(this: IExecuteFunctions, projectId: string, itemIndex: number, limits: RequestLimits): Promise<string[]> {
	return await runScoped(this, `project owners ${projectId}`, async () =>
		(
			await listMembers.call(this, PROJECT_USER, projectId, {
				limit: Infinity,
				itemIndex,
				limits,
				keep: (user) => user.role === 'owner',
			})
		).map((user) => String(user.id)),
	);
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const userId = getMemberId.call(this, PROJECT_USER, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		// Before any user of the run is removed: they are in the project, and a project keeps an owner.
		check: async () => {
			const user = await findMember.call(this, PROJECT_USER, projectId, userId, itemIndex, limits);
			if (user.role === 'owner') {
				const removing = await runScoped(this, `owners removed ${projectId}`, async () => new Set<string>());
				const owners = await ownersOf.call(this, projectId, itemIndex, limits);
				if (!owners.some((owner) => owner !== userId && !removing.has(owner))) {
					throw new NodeOperationError(this.getNode(), `${userId} is the last owner of project ${projectId}, and a project keeps an owner`, {
						itemIndex,
						description: `Make another user an owner first ("Change Role"), then remove this one. Nothing was removed.`,
					});
				}
				removing.add(userId);
			}
			return [toMemberItem(user, projectId, { dryRun: true, wouldRemove: true })];
		},
		send: async () => [
			toMemberItem(await deleteMember.call(this, PROJECT_USER, projectId, userId, itemIndex, limits), projectId),
		],
	};
}
