import { queryArray, queryValue, type Query } from './context';
import * as E from './errors';
import { billedKey } from './handlers/costs';
import { randomFromKey } from './random';
import type { ProjectRecord } from './types';

type Row = Record<string, string | number | boolean | null>;

/** Each list filter of the usage endpoints and the result field it narrows (project_ids is the scope, costs.ts). */
const LIST_FILTERS: Record<string, string> = {
	user_ids: 'user_id',
	api_key_ids: 'api_key_id',
	models: 'model',
	sources: 'source',
	sizes: 'size',
	context_levels: 'context_level',
	vector_store_ids: 'vector_store_id',
};

/**
 * Who used it: the project's key that its bill charges for the line (costs.ts: the keys take turns), and that key's
 * owner when a person owns it (a service account's usage has no user). A project without keys: neither.
 */
export function usedBy(project: ProjectRecord, line: number): { api_key_id: string | null; user_id: string | null } {
	const keyId = billedKey(project, line);
	const key = project.activity.keys.find((candidate) => candidate.id === keyId);
	return { api_key_id: keyId, user_id: key?.owner.type === 'user' ? key.owner.id : null };
}

/** Whether a model's completions of one project and day ran in the Batch API: about one in three, by seed. */
export function ranInBatch(seed: number, projectId: string, dayStart: number, model: string): boolean {
	return randomFromKey(seed, projectId, dayStart, model, 'batch')() < 0.35;
}

/**
 * The filters a usage request sends (each name as the contract lists it for the path), as one test of a result row
 * before it is grouped: every list filter keeps the rows whose field is one of its values, `batch` keeps batch or
 * non-batch usage. A filter the path does not list is refused by the contract check of the tests, not here.
 */
export function usageRowFilter(query: Query): (row: Row) => boolean {
	const tests: Array<(row: Row) => boolean> = [];
	for (const [name, field] of Object.entries(LIST_FILTERS)) {
		const wanted = queryArray(query, name);
		if (wanted.length > 0) tests.push((row) => typeof row[field] === 'string' && wanted.includes(row[field]));
	}
	const batch = queryValue(query, 'batch');
	if (batch !== undefined) {
		if (batch !== 'true' && batch !== 'false') throw E.invalidType('batch', 'a boolean', batch);
		tests.push((row) => row.batch === (batch === 'true'));
	}
	return (row) => tests.every((test) => test(row));
}
