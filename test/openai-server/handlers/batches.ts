/* eslint-disable @n8n/community-nodes/require-node-api-error -- test code: runs in plain Node, never inside n8n; the test server is no n8n node */
import type { Caller } from '../auth';
import { isObject, nowSeconds, queryValue, type Handler, type World } from '../context';
import * as E from '../errors';
import { randomHex } from '../random';
import { findRoute } from '../routes';
import type { BatchRecord, FileRecord } from '../types';
import { MAX_BATCH_BYTES, MAX_BATCH_LINES } from '../batchRules';
import { findFile, listPage, readLimit, storeFile } from './files';

const ENDPOINTS = [
	'/v1/responses',
	'/v1/chat/completions',
	'/v1/embeddings',
	'/v1/completions',
	'/v1/moderations',
	'/v1/images/generations',
	'/v1/images/edits',
	'/v1/videos',
];
const DAY = 86_400;

/** Batch time: the server's clock moved on by the tests' offset (state.batchRules.clockOffsetSeconds). */
function batchNow(world: World): number {
	return nowSeconds(world) + world.state.batchRules.clockOffsetSeconds;
}

/** POST /batches */
export const createBatch: Handler = ({ world, caller, body }) => {
	if (!isObject(body)) throw E.invalidType('body', 'an object', body);
	for (const name of ['input_file_id', 'endpoint', 'completion_window']) {
		if (body[name] === undefined || body[name] === null) throw E.missingParameter(name);
	}
	if (typeof body.input_file_id !== 'string') throw E.invalidType('input_file_id', 'a string', body.input_file_id);
	if (!ENDPOINTS.includes(String(body.endpoint))) {
		throw E.invalidValue('endpoint', `'${String(body.endpoint)}' is not one of ${ENDPOINTS.map((e) => `'${e}'`).join(', ')}.`);
	}
	if (body.completion_window !== '24h') {
		throw E.invalidValue('completion_window', `'${String(body.completion_window)}' is not one of '24h'.`);
	}
	const metadata = readMetadata(body.metadata);
	const file = findFile(world, caller, body.input_file_id);
	if (file.purpose !== 'batch') {
		throw E.invalidValue('input_file_id', `File ${file.id} has purpose '${file.purpose}'; a batch needs a file uploaded with purpose 'batch'.`);
	}
	const createdAt = batchNow(world);
	const batch: BatchRecord = {
		id: `batch_${randomHex(world.random, 32)}`,
		organizationId: caller.organizationId,
		projectId: caller.projectId ?? '',
		keyFingerprint: caller.keyFingerprint,
		inputFileId: file.id,
		endpoint: String(body.endpoint),
		completionWindow: '24h',
		metadata,
		status: 'validating',
		outcome: world.state.batchRules.outcome,
		createdAt,
		expiresAt: createdAt + DAY,
		total: 0,
		completed: 0,
		failed: 0,
		inputTokens: 0,
		outputTokens: 0,
		errors: [],
	};
	world.state.batches.push(batch);
	return { body: batchObject(batch) };
};

export const retrieveBatch: Handler = ({ world, caller, params }) => ({
	body: batchObject(advance(world, findBatch(world, caller, params.batch_id))),
});

/** POST /batches/{id}/cancel: a validating or running batch starts cancelling; a finished one cannot. */
export const cancelBatch: Handler = ({ world, caller, params }) => {
	const batch = advance(world, findBatch(world, caller, params.batch_id));
	if (batch.status !== 'validating' && batch.status !== 'in_progress' && batch.status !== 'cancelling') {
		throw new E.OpenAiError(
			409,
			`Cannot cancel a batch with status '${batch.status}'.`,
			'invalid_request_error',
		);
	}
	if (batch.status !== 'cancelling') {
		batch.completed = linesDone(world, batch);
		batch.status = 'cancelling';
		batch.cancellingAt = batchNow(world);
	}
	return { body: batchObject(advance(world, batch)) };
};

/** GET /batches: the project's batches, newest first, `after` a batch ID. */
export const listBatches: Handler = ({ world, caller, query }) => {
	const limit = readLimit(queryValue(query, 'limit'), 100, 20);
	const batches = world.state.batches
		.filter((batch) => batch.organizationId === caller.organizationId && batch.projectId === (caller.projectId ?? ''))
		.reverse()
		.map((batch) => batchObject(advance(world, batch)));
	return { body: listPage(batches, queryValue(query, 'after'), limit) };
};

function findBatch(world: World, caller: Caller, batchId: string): BatchRecord {
	const batch = world.state.batches.find(
		(candidate) =>
			candidate.id === batchId &&
			candidate.organizationId === caller.organizationId &&
			candidate.projectId === (caller.projectId ?? ''),
	);
	if (!batch) throw new E.OpenAiError(404, `No batch found with id '${batchId}'.`, 'invalid_request_error', null, 'batch_id');
	return batch;
}

function readMetadata(metadata: unknown): Record<string, string> | null {
	if (metadata === undefined || metadata === null) return null;
	if (!isObject(metadata)) throw E.invalidType('metadata', 'an object', metadata);
	const entries = Object.entries(metadata);
	if (entries.length > 16) throw E.invalidValue('metadata', 'an object with at most 16 keys.');
	for (const [key, value] of entries) {
		if (typeof value !== 'string') throw E.invalidType(`metadata.${key}`, 'a string', value);
		if (key.length > 64 || value.length > 512) throw E.invalidValue(`metadata.${key}`, 'keys hold up to 64 characters, values up to 512.');
	}
	return metadata as Record<string, string>;
}

interface InputLine {
	customId: string;
	body: unknown;
}

/** Checks the input file as OpenAI's validation does; the problems fail the batch. */
function validateInput(file: FileRecord, endpoint: string): { lines: InputLine[]; errors: BatchRecord['errors'] } {
	const errors: BatchRecord['errors'] = [];
	const lines: InputLine[] = [];
	const texts = file.content.split('\n').filter((line) => line.trim() !== '');
	if (texts.length === 0) errors.push({ code: 'empty_file', message: 'The input file is empty.', param: null, line: null });
	if (texts.length > MAX_BATCH_LINES) {
		errors.push({ code: 'too_many_requests', message: `The input file holds ${texts.length} requests; a batch may hold up to ${MAX_BATCH_LINES}.`, param: null, line: null });
	}
	if (file.bytes > MAX_BATCH_BYTES) {
		errors.push({ code: 'file_too_large', message: `The input file is larger than ${MAX_BATCH_BYTES} bytes.`, param: null, line: null });
	}
	const seen = new Set<string>();
	texts.forEach((text, index) => {
		const line = index + 1;
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			errors.push({ code: 'invalid_json_line', message: 'This line is not parseable as valid JSON.', param: null, line });
			return;
		}
		if (!isObject(value) || typeof value.custom_id !== 'string' || value.custom_id === '') {
			errors.push({ code: 'missing_required_parameter', message: "Missing required parameter: 'custom_id'.", param: 'custom_id', line });
			return;
		}
		if (seen.has(value.custom_id)) {
			errors.push({ code: 'duplicate_custom_id', message: `The custom_id '${value.custom_id}' is used more than once.`, param: 'custom_id', line });
			return;
		}
		seen.add(value.custom_id);
		if (value.method !== 'POST') {
			errors.push({ code: 'invalid_value', message: "Invalid value for 'method': only 'POST' is supported.", param: 'method', line });
			return;
		}
		if (value.url !== endpoint) {
			errors.push({ code: 'mismatched_url', message: `The url '${String(value.url)}' does not match the batch's endpoint '${endpoint}'.`, param: 'url', line });
			return;
		}
		if (!isObject(value.body)) {
			errors.push({ code: 'missing_required_parameter', message: "Missing required parameter: 'body'.", param: 'body', line });
			return;
		}
		lines.push({ customId: value.custom_id, body: value.body });
	});
	return { lines, errors };
}

/** How many lines a running batch has done by now: evenly over its run. */
function linesDone(world: World, batch: BatchRecord): number {
	if (batch.status !== 'in_progress' || batch.inProgressAt === undefined) return batch.completed;
	const { inProgressSeconds } = world.state.batchRules;
	if (inProgressSeconds <= 0) return batch.total;
	const share = Math.min(1, (batchNow(world) - batch.inProgressAt) / inProgressSeconds);
	return Math.floor(batch.total * share);
}

/** Moves a batch on along the batch clock: validating → in_progress → completed/expired, cancelling → cancelled. */
function advance(world: World, batch: BatchRecord): BatchRecord {
	const rules = world.state.batchRules;
	const now = batchNow(world);
	if (batch.status === 'validating' && now >= batch.createdAt + rules.validatingSeconds) {
		const at = batch.createdAt + rules.validatingSeconds;
		const input = world.state.files.find((file) => file.id === batch.inputFileId);
		const checked = input
			? validateInput(input, batch.endpoint)
			: { lines: [], errors: [{ code: 'file_not_found', message: `The input file ${batch.inputFileId} was deleted.`, param: 'input_file_id', line: null }] };
		if (checked.errors.length > 0 || batch.outcome === 'failed') {
			batch.status = 'failed';
			batch.failedAt = at;
			batch.errors = checked.errors.length > 0
				? checked.errors
				: [{ code: 'batch_failed', message: 'The batch failed (set by the test server).', param: null, line: null }];
			return batch;
		}
		batch.status = 'in_progress';
		batch.inProgressAt = at;
		batch.total = checked.lines.length;
	}
	if (batch.status === 'in_progress') {
		const endsAt = (batch.inProgressAt ?? now) + rules.inProgressSeconds;
		if (batch.outcome === 'expired' && now >= Math.min(endsAt, batch.expiresAt)) {
			finish(world, batch, Math.floor(batch.total * rules.expiredShare), 'expired');
			batch.status = 'expired';
			batch.expiredAt = endsAt;
		} else if (now >= endsAt) {
			batch.finalizingAt = endsAt;
			finish(world, batch, batch.total, 'completed');
			batch.status = 'completed';
			batch.completedAt = endsAt;
		} else {
			batch.completed = linesDone(world, batch);
		}
	}
	if (batch.status === 'cancelling' && now >= (batch.cancellingAt ?? now) + rules.cancellingSeconds) {
		finish(world, batch, batch.completed, 'cancelled');
		batch.status = 'cancelled';
		batch.cancelledAt = (batch.cancellingAt ?? now) + rules.cancellingSeconds;
	}
	return batch;
}

/**
 * Runs the first `done` lines as their endpoint would answer them (the server's own route handler, under the
 * batch's organization and project), and writes the output file (lines shuffled, as OpenAI gives no order) and the
 * error file (failed lines, and the lines an expiry or cancel left undone).
 */
function finish(world: World, batch: BatchRecord, done: number, ending: 'completed' | 'expired' | 'cancelled'): void {
	const input = world.state.files.find((file) => file.id === batch.inputFileId);
	const lines = input ? validateInput(input, batch.endpoint).lines : [];
	const caller = {
		keyFingerprint: batch.keyFingerprint,
		organizationId: batch.organizationId,
		projectId: batch.projectId,
		grant: { kind: 'project', organizationIds: [batch.organizationId], projectId: batch.projectId },
	} as Caller;
	const outputs: string[] = [];
	const failures: string[] = [];
	let completed = 0;
	lines.forEach((line, index) => {
		const id = `batch_req_${randomHex(world.random, 32)}`;
		if (index >= done) {
			const code = ending === 'expired' ? 'batch_expired' : 'batch_cancelled';
			const message =
				ending === 'expired'
					? 'This request could not be executed before the completion window expired.'
					: 'This request was not executed because the batch was cancelled.';
			failures.push(JSON.stringify({ id, custom_id: line.customId, response: null, error: { code, message } }));
			return;
		}
		const requestId = `req_${randomHex(world.random, 32)}`;
		try {
			const found = findRoute('POST', batch.endpoint);
			if (!found) throw E.invalidUrl('POST', batch.endpoint);
			const result = found.route.handler({ world, caller, params: found.params, query: {}, body: line.body, repeatCursor: false });
			const usage = (result.body as { usage?: { prompt_tokens?: number; completion_tokens?: number; input_tokens?: number; output_tokens?: number } }).usage;
			batch.inputTokens += usage?.prompt_tokens ?? usage?.input_tokens ?? 0;
			batch.outputTokens += usage?.completion_tokens ?? usage?.output_tokens ?? 0;
			completed++;
			outputs.push(JSON.stringify({ id, custom_id: line.customId, response: { status_code: result.status ?? 200, request_id: requestId, body: result.body }, error: null }));
		} catch (error) {
			if (!(error instanceof E.OpenAiError)) throw error;
			failures.push(JSON.stringify({ id, custom_id: line.customId, response: { status_code: error.status, request_id: requestId, body: error.toBody() }, error: null }));
		}
	});
	batch.total = lines.length;
	batch.completed = completed;
	batch.failed = lines.length - completed;
	const owner = { organizationId: batch.organizationId, projectId: batch.projectId };
	if (outputs.length > 0) {
		batch.outputFileId = storeFile(world, owner, { filename: `${batch.id}_output.jsonl`, purpose: 'batch_output', content: `${shuffle(world, outputs).join('\n')}\n` }).id;
	}
	if (failures.length > 0) {
		batch.errorFileId = storeFile(world, owner, { filename: `${batch.id}_error.jsonl`, purpose: 'batch_output', content: `${shuffle(world, failures).join('\n')}\n` }).id;
	}
}

function shuffle<T>(world: World, items: T[]): T[] {
	const copy = [...items];
	for (let index = copy.length - 1; index > 0; index--) {
		const other = Math.floor(world.random() * (index + 1));
		[copy[index], copy[other]] = [copy[other], copy[index]];
	}
	return copy;
}

/** A batch as OpenAI shows it (the Batch schema). */
export function batchObject(batch: BatchRecord) {
	const optional = (name: string, value: number | string | undefined) => (value === undefined ? {} : { [name]: value });
	return {
		id: batch.id,
		object: 'batch',
		endpoint: batch.endpoint,
		...(batch.errors.length > 0 ? { errors: { object: 'list', data: batch.errors } } : {}),
		input_file_id: batch.inputFileId,
		completion_window: batch.completionWindow,
		status: batch.status,
		...optional('output_file_id', batch.outputFileId),
		...optional('error_file_id', batch.errorFileId),
		created_at: batch.createdAt,
		...optional('in_progress_at', batch.inProgressAt),
		expires_at: batch.expiresAt,
		...optional('finalizing_at', batch.finalizingAt),
		...optional('completed_at', batch.completedAt),
		...optional('failed_at', batch.failedAt),
		...optional('expired_at', batch.expiredAt),
		...optional('cancelling_at', batch.cancellingAt),
		...optional('cancelled_at', batch.cancelledAt),
		request_counts: { total: batch.total, completed: batch.completed, failed: batch.failed },
		usage: {
			input_tokens: batch.inputTokens,
			input_tokens_details: { cached_tokens: 0 },
			output_tokens: batch.outputTokens,
			output_tokens_details: { reasoning_tokens: 0 },
			total_tokens: batch.inputTokens + batch.outputTokens,
		},
		metadata: batch.metadata,
	};
}
