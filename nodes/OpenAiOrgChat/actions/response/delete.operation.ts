import type { IDataObject } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import type { ScopeOverrides } from '../../../shared/transport';
import { readScope, requestOne, scopeFields } from '../../helpers/scope';
import { readResponseId, responseIdField, responsePath } from '../../helpers/storedResponse';

interface ResponseTarget {
	id: string;
	scope: ScopeOverrides;
}

/** The plan and output name the response by what it is, not by its whole stored body. */
function summary(found: IDataObject): IDataObject {
	const { model, status, created_at: createdAt } = found;
	return { model, status, created_at: createdAt };
}

/** DELETE /responses/{id}: a stored conversation cannot be continued afterwards. */
export const { destructive, description, prepare } = destructiveOperation<ResponseTarget>({
	rules: { verb: 'delete', pastTense: 'deleted', items: 'responses' },
	show: { resource: ['response'], operation: ['delete'] },
	fields: [
		{ ...responseIdField, description: 'The stored response to delete; a later turn can no longer continue it' },
		...scopeFields,
	],
	target(itemIndex) {
		const id = readResponseId.call(this, itemIndex);
		return { id, scope: readScope.call(this, itemIndex) };
	},
	async find({ id, scope }, { itemIndex, limits }) {
		return await requestOne.call(this, 'GET', responsePath(id), `response ${id}`, { scope, itemIndex, limits });
	},
	describe: (found, { id }) => `stored response ${id}${found.model ? ` (${String(found.model)})` : ''}`,
	item: (entry, { id }, extra) => ({ id, ...summary(entry), ...extra }),
	async change({ id, scope }, found, { itemIndex, limits }) {
		const answer = await requestOne.call(this, 'DELETE', responsePath(id), `response ${id}`, { scope, itemIndex, limits });
		return { id, ...summary(found), deleted: answer.deleted ?? true };
	},
});
