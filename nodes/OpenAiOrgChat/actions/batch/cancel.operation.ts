import { NodeOperationError } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import type { ScopeOverrides } from '../../../shared/transport';
import { batchPath, batchIdField, describeBatch, readableBatch, readBatchId } from '../../helpers/batches';
import { readScope, requestOne, scopeFields } from '../../helpers/scope';
import type { BatchStatus } from './batchApi';

interface BatchTarget {
	id: string;
	scope: ScopeOverrides;
}

/** A batch that can still be stopped; one cancelling or cancelled is already done. */
const CANCELLABLE: readonly BatchStatus[] = ['validating', 'in_progress'];
const CANCELLED: readonly BatchStatus[] = ['cancelling', 'cancelled'];

/**
 * POST /batches/{id}/cancel: stops a batch that is validating or running. It is "cancelling" for up to 10 minutes,
 * then "cancelled", with what ran until then in its output file (and billed). A batch that already ended (completed,
 * failed, expired) or is finalizing is refused in the check, before any item of the run is cancelled.
 */
export const { destructive, description, prepare } = destructiveOperation<BatchTarget>({
	rules: { verb: 'cancel', pastTense: 'cancelled', items: 'batches' },
	show: { resource: ['batch'], operation: ['cancel'] },
	fields: [
		batchIdField('The batch to stop, as Batch > Create (its batchId) or Batch > Get Many put it out'),
		...scopeFields,
	],
	target(itemIndex) {
		return { id: readBatchId.call(this, itemIndex), scope: readScope.call(this, itemIndex) };
	},
	async find({ id, scope }, { itemIndex, limits }) {
		return await requestOne.call(this, 'GET', batchPath(id), `batch ${id}`, { scope, itemIndex, limits });
	},
	refuse(found, { id }, { itemIndex }) {
		const status = String(found.status ?? '');
		if ([...CANCELLABLE, ...CANCELLED].includes(status as BatchStatus)) return;
		throw new NodeOperationError(this.getNode(), `Batch ${id} is already ${status.replace('_', ' ')}, so it cannot be cancelled`, {
			itemIndex,
			description: 'Only a validating or running batch can be cancelled. Batch > Get puts out what it answered. Nothing was cancelled.',
		});
	},
	alreadyDone: (found) =>
		found.status === 'cancelled'
			? 'the batch was already cancelled'
			: found.status === 'cancelling'
				? 'the batch was already cancelled (OpenAI is still stopping it)'
				: undefined,
	describe: (found, { id }) => describeBatch(found, id),
	item: (entry, _target, extra) => readableBatch(entry, extra),
	async change({ id, scope }, _found, { itemIndex, limits }) {
		return readableBatch(await requestOne.call(this, 'POST', `${batchPath(id)}/cancel`, `batch ${id}`, { scope, itemIndex, limits }));
	},
	// A batch gone in the meantime was not cancelled by this run: its 404 is an error, not "done".
	notFoundMeansDone: false,
});
