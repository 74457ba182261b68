import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { destructiveOperation } from '../../execution/destructiveOperation';
import type { RequestLimits } from '../../execution/requestOptions';
import { runScoped } from '../../execution/runScoped';
import { openAiRequest } from '../../transport';
import {
	findAssignment,
	getRoleId,
	isOwnerRole,
	listAll,
	principalFields,
	principalRolesPath,
	principalWords,
	readPrincipal,
	roleLocator,
	toAssignedItem,
} from '../../resources/roles';
import type { Principal, RolePlace, RoleWhere } from '../../resources/roles';

interface Target {
	where: RoleWhere;
	principal: Principal;
	roleId: string;
}

/** The users holding the owner role here (the organization's or the project's), read once per run. */
async function ownersOf(this: IExecuteFunctions, where: RoleWhere, itemIndex: number, limits: RequestLimits): Promise<string[]> {
	return await runScoped(this, `owners ${where.usersPath}`, async () =>
		(await listAll.call(this, where.usersPath, itemIndex, limits)).filter((user) => user.role === 'owner').map((user) => String(user.id)),
	);
}

/**
 * Unassign: a role from a user or group. Refused before any change: taking the owner role from the last owner of
 * the organization or project (also when one run takes it from each of the last owners). A role the user or group
 * does not hold is reported as nothing to do.
 */
export function unassign(place: RolePlace) {
	return destructiveOperation<Target>({
		rules: { verb: 'unassign', pastTense: 'unassigned', items: 'role assignments' },
		show: { resource: [place.resource], operation: ['unassign'] },
		fields: [...place.placeFields, roleLocator(place, 'The role to take away'), ...principalFields(place, 'take the role from')],
		target(itemIndex) {
			return {
				where: place.where.call(this, itemIndex),
				principal: readPrincipal.call(this, place, itemIndex),
				roleId: getRoleId.call(this, place, itemIndex),
			};
		},
		async find({ where, principal, roleId }, { itemIndex, limits }) {
			return (await findAssignment.call(this, where, principal, roleId, itemIndex, limits)) ?? { id: roleId, held: false };
		},
		async refuse(role, { where, principal, roleId }, { itemIndex, limits }) {
			if (principal.type !== 'user' || role.held === false || !isOwnerRole(role)) return;
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
			role.held === false ? `${principalWords(principal)} does not hold role ${roleId}.` : undefined,
		describe: (role, { where, principal, roleId }) =>
			`role ${role.name ? `"${String(role.name)}" ` : ''}(${roleId}) from ${principalWords(principal)} in ${where.words}`,
		item: (role, { where, principal }, extra) => toAssignedItem(where, principal, role, extra),
		async change({ where, principal, roleId }, role, { itemIndex, limits }) {
			const { body } = await openAiRequest.call(this, {
				method: 'DELETE',
				path: `${principalRolesPath(where, principal)}/${encodeURIComponent(roleId)}`,
				itemIndex,
				subject: `role ${roleId} of ${principalWords(principal)} in ${where.words}`,
				...limits,
			});
			return toAssignedItem(where, principal, { id: roleId, name: role.name ?? null }, { ...(body as IDataObject), unassigned: true });
		},
	});
}
