import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readList } from '../../../shared/execution/lists';
import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { readLimit } from '../../../shared/execution/listLimit';
import { getManyProperties } from '../../../shared/parameters/getMany';
import { listPages } from '../../../shared/transport';
import { toMemberItem, USER } from '../../helpers/members';

const properties: INodeProperties[] = [
	...getManyProperties([
		{
			displayName: 'Emails',
			name: 'emails',
			type: 'string',
			default: '',
			placeholder: 'e.g. alice@example.com, bob@example.com',
			description: 'Only the users with these email addresses (comma-separated)',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getAll'] } }, properties);

const EMAIL = /^[^\s@,]+@[^\s@,]+$/;

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const limit = readLimit.call(this, itemIndex, 'user');
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const emails = readList(filters.emails);
	const wrong = emails.find((email) => !EMAIL.test(email));
	if (wrong !== undefined) {
		throw new NodeOperationError(this.getNode(), `"Emails" holds "${wrong}", which is not an email address`, {
			itemIndex,
			description: 'Separate several addresses with commas, e.g. "alice@example.com, bob@example.com".',
		});
	}
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		const users: IDataObject[] = [];
		const pages = listPages.call(this, {
			path: USER.path,
			qs: emails.length > 0 ? { emails } : {},
			arrayFormat: 'brackets',
			itemIndex,
			wanted: limit,
			...limits,
		});
		for await (const page of pages) {
			for (const user of page) {
				users.push(toMemberItem(user));
				if (users.length >= limit) return users;
			}
		}
		return users;
	};
	return { send };
}
