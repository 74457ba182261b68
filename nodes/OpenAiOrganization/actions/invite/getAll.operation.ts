import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { readLimit } from '../../../shared/execution/listLimit';
import { checkChoice, optionsNamedAfterValues } from '../../../shared/parameters/choices';
import { getManyProperties } from '../../../shared/parameters/getMany';
import { listPages } from '../../../shared/transport';
import { INVITE, toMemberItem } from '../../helpers/members';

const STATUSES = ['any', 'pending', 'accepted', 'expired'];

const properties: INodeProperties[] = [
	...getManyProperties([
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'any',
			options: optionsNamedAfterValues(STATUSES),
			description: 'Only invites with this status (OpenAI lists every invite; the node keeps these)',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['invite'], operation: ['getAll'] } }, properties);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const limit = readLimit.call(this, itemIndex, 'invite');
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const status = checkChoice.call(this, { label: 'Status', value: String(filters.status ?? 'any'), allowed: STATUSES, itemIndex });
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		const invites: IDataObject[] = [];
		const pages = listPages.call(this, {
			path: INVITE.path,
			qs: {},
			itemIndex,
			// Without a filter every invite read is kept, so a Limit bounds the pages too.
			wanted: status === 'any' ? limit : undefined,
			...limits,
		});
		for await (const page of pages) {
			for (const invite of page) {
				if (status !== 'any' && invite.status !== status) continue;
				invites.push(toMemberItem(invite));
				if (invites.length >= limit) return invites;
			}
		}
		return invites;
	};
	return { send };
}
