import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { destructiveProperties } from '../../shared/execution/destructive';
import type { DestructiveRules, Operation, PreparedItem } from '../../shared/execution/operation';
import { readRequestLimits } from '../../shared/execution/requestOptions';
import { openAiRequest } from '../../shared/transport';
import { findMember, memberLocator, getMemberId, toMemberItem } from './members';
import type { OrganizationKind } from './members';

export interface RemovalRules {
	kind: OrganizationKind;
	destructive: DestructiveRules;
	show: { resource: string[]; operation: string[] };
	/** the locator's description: what the change does and what cannot be undone */
	locatorDescription: string;
	/** refuses a target that may not be changed (throws), before any item of the run is changed */
	refuse?: (this: IExecuteFunctions, found: IDataObject, id: string, itemIndex: number) => void;
}

/**
 * The one shape of the node's destructive operations (User > Remove, Invite > Delete): the target is checked for
 * every item before the first change (found in the listing for many items, see findMember), a Dry Run says what
 * would happen, and the answer names who it was.
 */
export function removalOperation(rules: RemovalRules): Operation & { description: INodeProperties[] } {
	const { kind, destructive } = rules;
	const wouldField = `would${destructive.verb.charAt(0).toUpperCase()}${destructive.verb.slice(1)}`;
	function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
		const id = getMemberId.call(this, kind, itemIndex);
		const limits = readRequestLimits.call(this, itemIndex);
		let found: IDataObject | undefined;
		return {
			check: async () => {
				found = await findMember.call(this, kind, id, itemIndex, limits);
				rules.refuse?.call(this, found, id, itemIndex);
				return [toMemberItem(found, { dryRun: true, [wouldField]: true })];
			},
			send: async () => {
				const { body } = await openAiRequest.call(this, {
					method: 'DELETE',
					path: `${kind.path}/${id}`,
					itemIndex,
					subject: `${kind.noun} ${id}`,
					...limits,
				});
				const who: IDataObject = { email: found?.email ?? null };
				if (found && 'name' in found) who.name = found.name ?? null;
				return [{ ...(body as IDataObject), ...who }];
			},
		};
	}
	return {
		destructive,
		prepare,
		description: [
			...updateDisplayOptions({ show: rules.show }, [memberLocator(kind, rules.locatorDescription)]),
			...destructiveProperties(rules.show, destructive),
		],
	};
}
