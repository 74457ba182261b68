import type { IDataObject } from 'n8n-workflow';

import { utcIso } from '../time/dates';

/** What a person reads first in an item, in this order, wherever the answer or the node gives it. */
const LEAD_FIELDS = ['name', 'email', 'role', 'status', 'projectName', 'ownerName', 'ownerEmail'];

/** OpenAI's epoch-second dates and the ISO field each gets, read by Sort, Filter and spreadsheet nodes. */
const ISO_FIELDS: Array<[string, string]> = [
	['created_at', 'createdAtIso'],
	['added_at', 'addedAtIso'],
	['accepted_at', 'acceptedAtIso'],
	['expires_at', 'expiresAtIso'],
	['last_used_at', 'lastUsedAtIso'],
	['archived_at', 'archivedAtIso'],
];

function isoOrNull(seconds: unknown): string | null {
	return typeof seconds === 'number' ? utcIso(seconds) : null;
}

/**
 * An item that leads with what a person reads (name, email, role, project name, dates in ISO form), followed by
 * OpenAI's answer with every field unchanged and in its order, then what the node adds (`extra`). Fields are only
 * moved to the front, never renamed or dropped.
 */
export function readableItem(answer: IDataObject, extra: IDataObject = {}): IDataObject {
	const item: IDataObject = {};
	for (const field of LEAD_FIELDS) {
		const value = field in extra ? extra[field] : answer[field];
		if (value !== undefined) item[field] = value;
	}
	for (const [field, iso] of ISO_FIELDS) {
		if (field in answer) item[iso] = isoOrNull(answer[field]);
	}
	// Assigning keeps each lead field where it stands and sets it to the answer's own value.
	return Object.assign(item, answer, extra);
}
