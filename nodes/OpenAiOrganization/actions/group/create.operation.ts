import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { findCreatedSince } from '../../../shared/execution/lostCreate';
import { openAiRequest } from '../../../shared/transport';
import { groupNameProperty, GROUPS_PATH, readGroupName, toGroupItem } from '../../../shared/resources/groups';

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['create'] } }, [groupNameProperty]);

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
			// After a lost answer: a group of this name created since we asked is the one we created.
			findLostResult: async () =>
				await findCreatedSince.call(this, { path: GROUPS_PATH, qs: {}, itemIndex, ...limits }, askedAt, (group) => group.name === name),
		});
		return [toGroupItem(response.body as IDataObject, response.recovered ? { recoveredAfterLostResponse: true } : {})];
	};
	return { send };
}
