import { isObject, nowSeconds, queryValue, type Handler, type World } from '../context';
import * as E from '../errors';
import { randomAlphanumeric } from '../random';
import { MAX_BATCH_BYTES } from '../batchRules';
import type { FileRecord } from '../types';
import type { Caller } from '../auth';

const UPLOAD_PURPOSES = ['assistants', 'batch', 'fine-tune', 'vision', 'user_data', 'evals'];
const THIRTY_DAYS = 30 * 86_400;

/** A file as OpenAI shows it (the OpenAIFile schema). */
export function fileObject(file: FileRecord) {
	return {
		id: file.id,
		object: 'file',
		bytes: file.bytes,
		created_at: file.createdAt,
		...(file.expiresAt === null ? {} : { expires_at: file.expiresAt }),
		filename: file.filename,
		purpose: file.purpose,
		status: 'processed',
	};
}

/** Stores a file in the caller's project: uploads, and a batch's output and error files. */
export function storeFile(
	world: World,
	owner: { organizationId: string; projectId: string },
	file: { filename: string; purpose: string; content: string; expiresAfterSeconds?: number },
): FileRecord {
	const createdAt = nowSeconds(world);
	const expiresAfter = file.expiresAfterSeconds ?? (file.purpose.startsWith('batch') ? THIRTY_DAYS : undefined);
	const record: FileRecord = {
		id: `file-${randomAlphanumeric(world.random, 22)}`,
		organizationId: owner.organizationId,
		projectId: owner.projectId,
		filename: file.filename,
		purpose: file.purpose,
		bytes: Buffer.byteLength(file.content, 'utf8'),
		createdAt,
		expiresAt: expiresAfter === undefined ? null : createdAt + expiresAfter,
		content: file.content,
	};
	world.state.files.push(record);
	return record;
}

/** A file of the caller's project, or OpenAI's 404. */
export function findFile(world: World, caller: Caller, fileId: string): FileRecord {
	const file = world.state.files.find(
		(candidate) =>
			candidate.id === fileId &&
			candidate.organizationId === caller.organizationId &&
			candidate.projectId === (caller.projectId ?? ''),
	);
	if (!file) throw new E.OpenAiError(404, `No such File object: ${fileId}`, 'invalid_request_error', null, 'id');
	return file;
}

/** POST /files (multipart/form-data: file, purpose, optional expires_after[anchor], expires_after[seconds]). */
export const createFile: Handler = ({ world, caller, body }) => {
	if (!isObject(body) || !('__multipart' in body)) {
		throw new E.OpenAiError(
			400,
			"Invalid request: the body must be multipart/form-data with the fields 'file' and 'purpose'.",
			'invalid_request_error',
		);
	}
	const file = body.file;
	if (!isObject(file) || typeof file.content !== 'string') throw E.missingParameter('file');
	if (body.purpose === undefined) throw E.missingParameter('purpose');
	const purpose = String(body.purpose);
	if (!UPLOAD_PURPOSES.includes(purpose)) {
		throw E.invalidValue('purpose', `'${purpose}' is not one of ${UPLOAD_PURPOSES.map((p) => `'${p}'`).join(', ')}.`);
	}
	const filename = typeof file.filename === 'string' && file.filename ? file.filename : 'upload';
	if (purpose === 'batch') {
		if (!filename.endsWith('.jsonl')) {
			throw E.invalidValue('file', `Invalid file format for Batch API. Must be .jsonl`);
		}
		if (Buffer.byteLength(file.content, 'utf8') > MAX_BATCH_BYTES) {
			throw E.invalidValue('file', `File is too large for the Batch API: the limit is ${MAX_BATCH_BYTES} bytes.`);
		}
	}
	const seconds = body['expires_after[seconds]'];
	const expiresAfterSeconds = seconds === undefined ? undefined : Number(seconds);
	if (expiresAfterSeconds !== undefined && !(Number.isInteger(expiresAfterSeconds) && expiresAfterSeconds >= 3600 && expiresAfterSeconds <= THIRTY_DAYS)) {
		throw E.integerOutOfRange('expires_after.seconds', 3600, THIRTY_DAYS, seconds);
	}
	const record = storeFile(
		world,
		{ organizationId: caller.organizationId, projectId: caller.projectId ?? '' },
		{ filename, purpose, content: file.content, expiresAfterSeconds },
	);
	return { body: fileObject(record) };
};

export const retrieveFile: Handler = ({ world, caller, params }) => ({
	body: fileObject(findFile(world, caller, params.file_id)),
});

/** GET /files/{file_id}/content: the file's text as it was stored (JSONL), not JSON. */
export const downloadFile: Handler = ({ world, caller, params }) => {
	const file = findFile(world, caller, params.file_id);
	return { body: file.content, raw: file.content, headers: { 'content-type': 'application/octet-stream' } };
};

export const deleteFile: Handler = ({ world, caller, params }) => {
	const file = findFile(world, caller, params.file_id);
	world.state.files.splice(world.state.files.indexOf(file), 1);
	return { body: { id: file.id, object: 'file', deleted: true } };
};

/** GET /files: the project's files, newest first unless order=asc, `after` a file ID. */
export const listFiles: Handler = ({ world, caller, query }) => {
	const purpose = queryValue(query, 'purpose');
	const order = queryValue(query, 'order') ?? 'desc';
	if (order !== 'asc' && order !== 'desc') throw E.invalidValue('order', `'${order}' is not one of 'asc', 'desc'.`);
	const limit = readLimit(queryValue(query, 'limit'), 10_000);
	const files = world.state.files
		.filter((file) => file.organizationId === caller.organizationId && file.projectId === (caller.projectId ?? ''))
		.filter((file) => !purpose || file.purpose === purpose);
	const ordered = order === 'asc' ? files : [...files].reverse();
	return { body: listPage(ordered.map(fileObject), queryValue(query, 'after'), limit, true) };
};

export function readLimit(text: string | undefined, max: number, fallback = max): number {
	if (text === undefined) return fallback;
	const limit = Number(text);
	if (!Number.isInteger(limit)) throw E.invalidType('limit', 'an integer', text);
	if (limit < 1 || limit > max) throw E.integerOutOfRange('limit', 1, max, limit);
	return limit;
}

/** One page of a cursor list (`after` an object ID); files always name first_id and last_id, null when empty. */
export function listPage<T extends { id: string }>(
	entries: T[],
	after: string | undefined,
	limit: number,
	idsAlways = false,
) {
	const start = after ? entries.findIndex((entry) => entry.id === after) + 1 : 0;
	const data = entries.slice(start, start + limit);
	const ids =
		data.length > 0 || idsAlways
			? { first_id: data[0]?.id ?? '', last_id: data[data.length - 1]?.id ?? '' }
			: {};
	return { object: 'list', data, ...ids, has_more: start + limit < entries.length };
}
