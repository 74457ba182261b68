import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import type { OpenAiRequest, OpenAiResponse, ScopeOverrides } from '../../../shared/transport';
import { batchPath } from '../../helpers/batches';
import { filePath } from '../../helpers/files';

/** The Batch API's limits per input file (the contract's CreateBatchRequest): 50,000 requests, 200 MB. */
export const MAX_BATCH_REQUESTS = 50_000;
export const MAX_BATCH_BYTES = 200 * 1024 * 1024;
/** Room left in a file for the multipart envelope around it. */
const ENVELOPE_BYTES = 1024;

/** A custom_id names its input item: `n8n-item-7` is item 7 of the run that submitted it. */
const CUSTOM_ID_PREFIX = 'n8n-item-';
/** The batch's metadata key that makes a submission findable again after a retry. */
export const SUBMISSION_KEY = 'n8n_submission';

export type BatchStatus =
	| 'validating'
	| 'failed'
	| 'in_progress'
	| 'finalizing'
	| 'completed'
	| 'expired'
	| 'cancelling'
	| 'cancelled';

export interface Batch extends IDataObject {
	id: string;
	status: BatchStatus;
	endpoint?: string;
	input_file_id: string;
	output_file_id?: string;
	error_file_id?: string;
	request_counts?: { total: number; completed: number; failed: number };
	errors?: { data?: Array<{ code?: string; message?: string; line?: number | null }> };
	metadata?: Record<string, string> | null;
	created_at: number;
}

/** Where a batch lives: its organization and project, as sent ('' = the credential's). */
export interface BatchPlace {
	scope: ScopeOverrides;
	limits: RequestLimits;
	/** the item the requests are reported against */
	itemIndex: number;
	/** the organization and project the requests went out under (the credential's where the scope is empty) */
	billedTo?: { organizationId: string; projectId: string };
}

export const FINISHED: readonly BatchStatus[] = ['completed', 'failed', 'expired', 'cancelled'];

export function customIdOf(itemIndex: number): string {
	return `${CUSTOM_ID_PREFIX}${itemIndex}`;
}

/** The input item a custom_id names, or undefined for one this node did not write. */
export function itemIndexOf(customId: string): number | undefined {
	if (!customId.startsWith(CUSTOM_ID_PREFIX)) return undefined;
	const index = Number(customId.slice(CUSTOM_ID_PREFIX.length));
	return Number.isInteger(index) && index >= 0 ? index : undefined;
}

/** A short, stable fingerprint of a text (two FNV-1a hashes), to name a submission and its file. */
export function fingerprintOf(text: string): string {
	let a = 0x811c9dc5;
	let b = 0x01000193;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		a = Math.imul(a ^ code, 0x01000193) >>> 0;
		b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
	}
	return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** Splits JSONL lines into files within the Batch API's limits (and a smaller request count, when asked). */
export function splitLines<T extends { line: string }>(entries: T[], maxRequests: number): T[][] {
	const parts: T[][] = [];
	let current: T[] = [];
	let bytes = 0;
	for (const entry of entries) {
		const size = Buffer.byteLength(entry.line, 'utf8') + 1;
		if (current.length > 0 && (current.length >= maxRequests || bytes + size > MAX_BATCH_BYTES - ENVELOPE_BYTES)) {
			parts.push(current);
			current = [];
			bytes = 0;
		}
		current.push(entry);
		bytes += size;
	}
	if (current.length > 0) parts.push(current);
	return parts;
}

/** One request under the place's organization and project; the place learns which ones the request went under. */
async function send(this: IExecuteFunctions, place: BatchPlace, request: Omit<OpenAiRequest, 'scope' | 'itemIndex'>): Promise<OpenAiResponse> {
	const response = (await openAiRequest.call(this, { ...request, scope: place.scope, itemIndex: place.itemIndex, ...place.limits })) as OpenAiResponse;
	place.billedTo = { organizationId: response.organizationId, projectId: response.projectId };
	return response;
}

/** The project's recent batches (newest first), where a submission is looked for before it is made. */
async function findSubmitted(this: IExecuteFunctions, place: BatchPlace, key: string): Promise<Batch | undefined> {
	const { body } = await send.call(this, place, {
		method: 'GET',
		path: '/batches',
		qs: { limit: 100 },
	});
	const batches = (body.data ?? []) as Batch[];
	return batches.find((batch) => batch.metadata?.[SUBMISSION_KEY] === key);
}

/**
 * Uploads one JSONL file and creates its batch, unless a batch of this submission (same execution, node, part and
 * content) exists already: a retry then finds it instead of submitting it twice. The create itself is never
 * repeated blindly; a lost answer is looked for by the same key first.
 */
export async function submitBatch(
	this: IExecuteFunctions,
	place: BatchPlace,
	submission: { lines: string[]; key: string; endpoint: string },
): Promise<{ batch: Batch; reused: boolean }> {
	const { lines, key, endpoint } = submission;
	const existing = await findSubmitted.call(this, place, key);
	if (existing) return { batch: existing, reused: true };
	const content = `${lines.join('\n')}\n`;
	const filename = `n8n-batch-${fingerprintOf(key)}.jsonl`;
	const bytes = Buffer.byteLength(content, 'utf8');
	const upload = await send.call(this, place, {
		method: 'POST',
		path: '/files',
		multipart: {
			fields: { purpose: 'batch' },
			file: { field: 'file', filename, contentType: 'application/jsonl', content },
		},
		subject: `file ${filename}`,
		notIdempotent: true,
		findLostResult: async () => await findUploaded.call(this, place, filename, bytes),
	});
	const fileId = String(upload.body.id);
	const created = await send.call(this, place, {
		method: 'POST',
		path: '/batches',
		body: {
			input_file_id: fileId,
			endpoint,
			completion_window: '24h',
			metadata: { [SUBMISSION_KEY]: key },
		},
		subject: `file ${fileId}`,
		notIdempotent: true,
		findLostResult: async () => await findSubmitted.call(this, place, key),
	});
	return { batch: created.body as Batch, reused: created.recovered === true };
}

async function findUploaded(
	this: IExecuteFunctions,
	place: BatchPlace,
	filename: string,
	bytes: number,
): Promise<IDataObject | undefined> {
	const { body } = await send.call(this, place, {
		method: 'GET',
		path: '/files',
		qs: { purpose: 'batch', limit: 100 },
	});
	return ((body.data ?? []) as IDataObject[]).find((file) => file.filename === filename && file.bytes === bytes);
}

export async function retrieveBatch(this: IExecuteFunctions, place: BatchPlace, batchId: string): Promise<Batch> {
	const { body } = await send.call(this, place, {
		method: 'GET',
		path: batchPath(batchId),
		subject: `batch ${batchId}`,
	});
	return body as Batch;
}

/** Polls the batch (n8n's sleep between looks) until it is finished or the wait is over; answers its last state. */
export async function waitForBatch(
	this: IExecuteFunctions,
	place: BatchPlace,
	batchId: string,
	wait: { pollIntervalMs: number; timeoutMs: number },
): Promise<Batch> {
	const deadline = Date.now() + wait.timeoutMs;
	for (;;) {
		const batch = await retrieveBatch.call(this, place, batchId);
		if (FINISHED.includes(batch.status)) return batch;
		const left = deadline - Date.now();
		if (left <= 0) return batch;
		await sleep(Math.min(wait.pollIntervalMs, left));
	}
}

/** A file's JSONL content as parsed lines (an absent file: none). */
export async function readJsonl(
	this: IExecuteFunctions,
	place: BatchPlace,
	fileId: string | undefined,
): Promise<IDataObject[]> {
	if (!fileId) return [];
	const { body } = await send.call(this, place, {
		method: 'GET',
		path: `${filePath(fileId)}/content`,
		textAnswer: true,
		subject: `file ${fileId}`,
	});
	return String(body)
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line, index) => {
			try {
				return JSON.parse(line) as IDataObject;
			} catch {
				throw new NodeOperationError(this.getNode(), `Line ${index + 1} of file ${fileId} is not JSON`, {
					itemIndex: place.itemIndex,
				});
			}
		});
}
