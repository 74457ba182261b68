import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import type { RequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { groupNameProperty, GROUPS_PATH, listGroupThings, readGroupName, toGroupItem } from '../../../shared/resources/groups';

/** OpenAI's clock and ours may differ a little; a lost create is looked for in this window. */
const CLOCK_SKEW_SECONDS = 30;

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['create'] } }, [groupNameProperty]);

/** After a lost answer: a group of this name created since we asked is the one we created (the newest, if several). */
async function findCreatedGroup(
	this: IExecuteFunctions,
	name: string,
	askedAt: number,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject | undefined> {
	const groups = await listGroupThings.call(this, GROUPS_PATH, {
		limit: Infinity,
		itemIndex,
		limits,
		subject: 'the group list',
		toItem: (group) => group,
	});
	const created = groups.filter((group) => group.name === name && Number(group.created_at) >= askedAt - CLOCK_SKEW_SECONDS);
	return created[created.length - 1];
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const name = readGroupName.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		const askedAt = Math.floor(Date.now() / 1000);
		// Names need not be unique, so a create is never sent twice: a lost answer is looked for first.
		const response = await openAiRequest.call(this, {
			method: 'POST',
			path: GROUPS_PATH,
			body: { name },
			itemIndex,
			...limits,
			notIdempotent: true,
			findLostResult: async () => await findCreatedGroup.call(this, name, askedAt, itemIndex, limits),
		});
		return [toGroupItem(response.body as IDataObject, response.recovered ? { recoveredAfterLostResponse: true } : {})];
	};
	return { send };
}
