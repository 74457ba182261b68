import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

export type NodeError = NodeApiError | NodeOperationError;

/** Any failure as the n8n error it should be shown as, tied to its item when it is not yet. */
export function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex?: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/** The error panel's layout (<br> line breaks, escaped text) back to plain lines for an error item. */
function plainText(description: string): string {
	return description
		.replace(/<br>\n?/g, '\n')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** What "Continue On Fail" outputs in place of a failed item: `{ error, description, httpCode }`, paired with it. */
export function errorItem(error: NodeError, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = plainText(error.description);
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}
