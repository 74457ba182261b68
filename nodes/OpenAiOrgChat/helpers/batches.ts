import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readableItem } from '../../shared/resources/readableItem';
import { objectIdField, objectPath, readObjectId } from '../../shared/parameters/objectId';
import type { ObjectIdKind } from '../../shared/parameters/objectId';

const BATCH: ObjectIdKind = {
	displayName: 'Batch ID',
	name: 'batchId',
	placeholder: 'batch_…',
	pattern: /^batch_[A-Za-z0-9]+$/,
	thing: 'a batch',
	hint: 'Use the "batchId" that Batch > Create put out, or an "id" of Batch > Get Many.',
	path: '/batches',
	description: 'The batch, as Batch > Create (its batchId) or Batch > Get Many put it out',
};

export function batchIdField(description: string): INodeProperties {
	return { ...objectIdField(BATCH), description };
}

export function readBatchId(this: IExecuteFunctions, itemIndex: number): string {
	return readObjectId.call(this, BATCH, itemIndex);
}

export function batchPath(id: string): string {
	return objectPath(BATCH, id);
}

function requestCounts(batch: IDataObject): string {
	const counts = batch.request_counts as { total?: number; completed?: number; failed?: number } | undefined;
	if (!counts || typeof counts.total !== 'number') return '';
	return `${counts.completed ?? 0} of ${counts.total} requests done${counts.failed ? `, ${counts.failed} failed` : ''}`;
}

/** Where a batch stands, in a sentence, and what to do next. */
export function batchInWords(batch: IDataObject): string {
	const counts = requestCounts(batch);
	switch (batch.status) {
		case 'validating':
			return 'Validating its input file; it has not started';
		case 'in_progress':
			return `Running${counts ? `: ${counts}` : ''}`;
		case 'finalizing':
			return `Finalizing: its output file is being written${counts ? ` (${counts})` : ''}`;
		case 'completed':
			return `Completed${counts ? `: ${counts}` : ''}. Batch > Get puts out its answers`;
		case 'failed':
			return 'Failed before any request ran: see errors';
		case 'expired':
			return `Expired before it finished (24 h window)${counts ? `: ${counts}` : ''}. Batch > Get puts out what ran`;
		case 'cancelling':
			return `Cancelling: OpenAI stops it within about 10 minutes${counts ? ` (${counts})` : ''}`;
		case 'cancelled':
			return `Cancelled${counts ? `: ${counts}` : ''}. Batch > Get puts out what ran before`;
		default:
			return String(batch.status ?? '');
	}
}

/**
 * A batch as a person reads it: its status and that status in words, its ID as `batchId` (what Batch > Get and Batch
 * > Cancel take from the item), dates in ISO form, then OpenAI's fields unchanged.
 */
export function readableBatch(batch: IDataObject, extra: IDataObject = {}): IDataObject {
	return { status: batch.status ?? null, message: batchInWords(batch), batchId: batch.id, ...readableItem(batch, extra) };
}

/** "in_progress batch batch_… (/v1/chat/completions, 3 of 12 requests done)", for a Dry Run's plan. */
export function describeBatch(batch: IDataObject, id: string): string {
	const details = [batch.endpoint, requestCounts(batch)].filter((part) => typeof part === 'string' && part !== '');
	return `${String(batch.status ?? '')} batch ${id}${details.length ? ` (${details.join(', ')})` : ''}`;
}
