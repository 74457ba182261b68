import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** One kind of OpenAI object named by a typed ID (a stored response, a batch, a file). */
export interface ObjectIdKind {
	/** e.g. 'Response ID' */
	displayName: string;
	/** the parameter, e.g. 'responseId' */
	name: string;
	/** what the ID looks like, e.g. 'resp_…' */
	placeholder: string;
	pattern: RegExp;
	/** what an empty field should hold, e.g. 'a stored response' */
	thing: string;
	/** where a right ID is found, for a malformed one */
	hint: string;
	/** the API path of one object, e.g. '/responses' */
	path: string;
	description: string;
}

/** The plain ID field of a kind: required, typed or mapped from an earlier node. */
export function objectIdField(kind: ObjectIdKind): INodeProperties {
	const { displayName, name, placeholder, description } = kind;
	return { displayName, name, type: 'string', default: '', required: true, placeholder, description };
}

/** The item's ID ('' when optional and empty), or a NodeOperationError naming `parameter` before any request. */
export function readObjectId(
	this: IExecuteFunctions,
	kind: ObjectIdKind,
	itemIndex: number,
	{ parameter = kind.name, name = kind.displayName, required = true } = {},
): string {
	const id = String(this.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
	if (!id && required) {
		throw new NodeOperationError(this.getNode(), `"${name}" is empty: enter the ID of ${kind.thing}`, { itemIndex });
	}
	if (id && !kind.pattern.test(id)) {
		throw new NodeOperationError(this.getNode(), `"${name}" must look like ${kind.placeholder}, not "${id}"`, {
			itemIndex,
			description: kind.hint,
		});
	}
	return id;
}

/** The API path of one object of the kind, its ID encoded. */
export function objectPath(kind: ObjectIdKind, id: string): string {
	return `${kind.path}/${encodeURIComponent(id)}`;
}
