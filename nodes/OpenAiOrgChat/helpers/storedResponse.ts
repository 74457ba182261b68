import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export const RESPONSE_ID_PATTERN = /^resp_[A-Za-z0-9]+$/;

export const responseIdField: INodeProperties = {
	displayName: 'Response ID',
	name: 'responseId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'resp_…',
	description: 'The ID of a stored response, as a Responses answer put it out',
};

/** The item's response ID ('' when optional and empty), or a NodeOperationError naming `parameter` before any request. */
export function readResponseId(
	this: IExecuteFunctions,
	itemIndex: number,
	{ parameter = 'responseId', name = 'Response ID', required = true } = {},
): string {
	const id = String(this.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
	if (!id && required) {
		throw new NodeOperationError(this.getNode(), `"${name}" is empty: enter the ID of a stored response`, { itemIndex });
	}
	if (id && !RESPONSE_ID_PATTERN.test(id)) {
		throw new NodeOperationError(this.getNode(), `"${name}" must look like resp_…, not "${id}"`, {
			itemIndex,
			description: 'Use the "id" of an earlier Responses answer that was stored.',
		});
	}
	return id;
}

export function responsePath(id: string): string {
	return `/responses/${encodeURIComponent(id)}`;
}
