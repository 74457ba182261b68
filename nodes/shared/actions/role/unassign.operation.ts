import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { destructiveOperation } from '../../execution/destructiveOperation';
import type { RequestLimits } from '../../execution/requestOptions';
import { runScoped } from '../../execution/runScoped';
import { openAiRequest } from '../../transport';
import * as roles from '../../resources/roles';
import type { AssignmentTarget, RolePlace, RoleWhere } from '../../resources/roles';

/** The users holding the owner role here (the organization's or the project's), read once per run. */
async function ownersOf(this: IExecuteFunctions, where: RoleWhere, itemIndex: number, limits: RequestLimits): Promise<string[]> {
	return await runScoped(this, `owners ${where.usersPath}`, async () =>
		(await roles.listAll.call(this, where.usersPath, itemIndex, limits)).filter((user) => user.role === 'owner').map((user) => String(user.id)),
	);
}

/**
 * Unassign: a role from a user or group. Refused before any change: taking the owner role from the last owner of
 * the organization or project (also when one run takes it from each of the last owners). A role the user or group
 * does not hold is reported as nothing to do.
 */
export function unassign(place: RolePlace) {
	return destructiveOperation<AssignmentTarget>({
		rules: { verb: 'unassign', pastTense: 'unassigned', items: 'role assignments' },
		show: { resource: [place.resource], operation: ['unassign'] },
		fields: [...place.placeFields, roles.roleLocator(place, 'The role to take away'), ...roles.principalFields(place, 'take the role from')],
		target(itemIndex) {
			return roles.readAssignmentTarget.call(this, place, itemIndex);
		},
		async find({ where, principal, roleId }, { itemIndex, limits }) {
			return (await roles.findAssignment.call(this, where, principal, roleId, itemIndex, limits)) ?? { id: roleId, held: false };
		},
		async refuse(role, { where, principal, roleId }, { itemIndex, limits }) {
			if (principal.type !== 'user' || role.held === false || !roles.isOwnerRole(role)) return;
			const unassigning = await runScoped(this, `owners unassigned ${where.usersPath}`, async () => new Set<string>());
			const owners = await ownersOf.call(this, where, itemIndex, limits);
			if (!owners.some((owner) => owner !== principal.id && !unassigning.has(owner))) {
				throw new NodeOperationError(
					this.getNode(),
					`${principal.id} is the last owner of ${where.words}: taking the owner role (${roleId}) would leave nobody to administer it`,
					{
						itemIndex,
						description: `Assign the owner role to another user first ("Assign"), then unassign it from this one. Nothing was unassigned.`,
					},
				);
			}
			unassigning.add(principal.id);
		},
		alreadyDone: (role, { principal, roleId }) =>
			role.held === false ? `${roles.principalWords(principal)} does not hold role ${roleId}.` : undefined,
		describe: (role, { where, principal, roleId }) =>
			`role ${role.name ? `"${String(role.name)}" ` : ''}(${roleId}) from ${roles.principalWords(principal)} in ${where.words}`,
		item: (role, { where, principal }, extra) => roles.toAssignedItem(where, principal, role, extra),
		async change(target, role, { itemIndex, limits }) {
			const { body } = await openAiRequest.call(this, { method: 'DELETE', ...roles.assignmentRequest(target), itemIndex, ...limits });
			const gone = { ...(body as IDataObject), unassigned: true };
			return roles.toAssignedItem(target.where, target.principal, { id: target.roleId, name: role.name ?? null }, gone);
		},
	});
}
