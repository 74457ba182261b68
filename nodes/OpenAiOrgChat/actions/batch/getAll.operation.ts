import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { getManyProperties } from '../../../shared/parameters/getMany';
import { readableBatch } from '../../helpers/batches';
import { prepareScopedList, scopeFields } from '../../helpers/scope';

export const description = updateDisplayOptions({ show: { resource: ['batch'], operation: ['getAll'] } }, [
	{
		displayName: 'Lists the batches of the project (newest first), whoever submitted them, with where each one stands',
		name: 'batchListNotice',
		type: 'notice',
		default: '',
	},
	...scopeFields,
	...getManyProperties(),
]);

/** GET /batches: the project's batches, newest first, paged by `after` (at most 100 a page, as the contract says). */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	return prepareScopedList.call(this, itemIndex, { path: '/batches', things: 'batch', toItem: (batch) => readableBatch(batch) });
}
