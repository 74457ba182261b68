import { queryValue, type HandlerContext } from '../context';
import * as E from '../errors';
import { controlsOf, type ProjectControls } from '../projectControls';
import type { ProjectRecord } from '../types';
import { findProject } from './projects';

/** The project and its controls, for a read: archived projects can still be read. */
export function readControls(context: HandlerContext): { project: ProjectRecord; controls: ProjectControls } {
	const project = findProject(context);
	return { project, controls: controlsOf(context.world, project) };
}

/** The project and its controls, for a change: an archived project cannot be changed (OpenAI's rule and text). */
export function changeControls(context: HandlerContext): { project: ProjectRecord; controls: ProjectControls } {
	const found = readControls(context);
	if (found.project.archivedAt !== null) throw E.projectArchived(found.project.id);
	return found;
}

export function requireBody(body: unknown): Record<string, unknown> {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) throw E.invalidType('body', 'an object', body);
	return body as Record<string, unknown>;
}

function readPageSize(raw: string | undefined, fallback: number, min: number, max: number): number {
	if (raw === undefined) return fallback;
	if (!/^-?\d+$/.test(raw)) throw E.invalidType('limit', 'an integer', raw);
	const limit = Number(raw);
	if (limit < min || limit > max) throw E.integerOutOfRange('limit', min, max, limit);
	return limit;
}

/**
 * A `limit`/`after`/`before` page as the project sub-lists of the contract have it (`order` where the endpoint
 * takes it). `before` pages backwards: the page ends just before that object.
 */
export function cursorPage<T extends { id: string }>(
	context: HandlerContext,
	all: T[],
	paging: { defaultLimit: number; minLimit: number; maxLimit: number; ordered?: boolean },
) {
	const limit = readPageSize(queryValue(context.query, 'limit'), paging.defaultLimit, paging.minLimit, paging.maxLimit);
	const order = paging.ordered ? (queryValue(context.query, 'order') ?? 'asc') : 'asc';
	if (order !== 'asc' && order !== 'desc') throw E.invalidValue('order', "expected one of 'asc', 'desc'.");
	const list = order === 'desc' ? [...all].reverse() : all;
	const position = (name: 'after' | 'before') => {
		const id = queryValue(context.query, name);
		if (id === undefined) return undefined;
		const index = list.findIndex((entry) => entry.id === id);
		if (index < 0) throw E.invalidValue(name, `no object with id '${id}' in this list.`);
		return index;
	};
	const after = position('after');
	const before = position('before');
	let start = after === undefined ? 0 : after + 1;
	let end = list.length;
	if (before !== undefined) {
		end = before;
		if (after === undefined) start = Math.max(0, end - limit);
	}
	const data = list.slice(start, Math.min(end, start + limit));
	return {
		object: 'list',
		data,
		first_id: data[0]?.id ?? null,
		last_id: data[data.length - 1]?.id ?? null,
		has_more: start + data.length < end,
	};
}
