import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import type { RequestLimits } from '../../../shared/execution/requestOptions';
import { runScoped } from '../../../shared/execution/runScoped';
import { listMembers, memberLocator, PROJECT_USER, projectMemberRemoval } from '../../../shared/resources/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';

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

export const { destructive, description, prepare } = destructiveOperation({
	...projectMemberRemoval(PROJECT_USER),
	rules: { verb: 'remove', pastTense: 'removed', items: 'users' },
	show: { resource: ['projectUser'], operation: ['remove'] },
	fields: [
		projectLocator,
		memberLocator(PROJECT_USER, 'The user to take out of the project. Their API keys in it stop working.'),
	],
	// A project keeps an owner, also when one run removes two of them.
	async refuse(user, { projectId, id }, { itemIndex, limits }) {
		if (user.role !== 'owner') return;
		const removing = await runScoped(this, `owners removed ${projectId}`, async () => new Set<string>());
		const owners = await ownersOf.call(this, projectId, itemIndex, limits);
		if (!owners.some((owner) => owner !== id && !removing.has(owner))) {
			throw new NodeOperationError(this.getNode(), `${id} is the last owner of project ${projectId}, and a project keeps an owner`, {
				itemIndex,
				description: `Make another user an owner first ("Change Role"), then remove this one. Nothing was removed.`,
			});
		}
		removing.add(id);
	},
});
