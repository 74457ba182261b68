import type { IExecuteFunctions } from 'n8n-workflow';

import { objectIdField, objectPath, readObjectId } from '../../shared/parameters/objectId';
import type { ObjectIdKind } from '../../shared/parameters/objectId';

export const RESPONSE_ID_PATTERN = /^resp_[A-Za-z0-9]+$/;

const STORED_RESPONSE: ObjectIdKind = {
	displayName: 'Response ID',
	name: 'responseId',
	placeholder: 'resp_…',
	pattern: RESPONSE_ID_PATTERN,
	thing: 'a stored response',
	hint: 'Use the "id" of an earlier Responses answer that was stored.',
	path: '/responses',
	description: 'The ID of a stored response, as a Responses answer put it out',
};

export const responseIdField = objectIdField(STORED_RESPONSE);

/** The item's response ID ('' when optional and empty), or a NodeOperationError naming `parameter` before any request. */
export function readResponseId(
	this: IExecuteFunctions,
	itemIndex: number,
	options: { parameter?: string; name?: string; required?: boolean } = {},
): string {
	return readObjectId.call(this, STORED_RESPONSE, itemIndex, options);
}

export function responsePath(id: string): string {
	return objectPath(STORED_RESPONSE, id);
}
