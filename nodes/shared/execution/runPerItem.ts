import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

export type ItemOperation = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>;

export function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
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

export function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = plainText(error.description);
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Runs one operation for every input item, up to `concurrency` at a time. Output keeps input order and
 * pairing whatever finishes first. With "continue on fail" a failed item becomes an `{ error }` item;
 * otherwise the first failure (by item order) stops the node once running items have settled.
 */
export async function runPerItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
	concurrency = 1,
): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const results: INodeExecutionData[][] = new Array(itemCount);
	const failures: Array<{ itemIndex: number; error: NodeApiError | NodeOperationError }> = [];
	let next = 0;

	const worker = async () => {
		while (next < itemCount && failures.length === 0) {
			const itemIndex = next++;
			try {
				const output = await operation.call(this, itemIndex);
				results[itemIndex] = output.map((json) => ({ json, pairedItem: { item: itemIndex } }));
			} catch (error) {
				const nodeError = asNodeError.call(this, error, itemIndex);
				if (this.continueOnFail()) {
					results[itemIndex] = [errorItem(nodeError, itemIndex)];
				} else {
					failures.push({ itemIndex, error: nodeError });
				}
			}
		}
	};

	const workers = Math.max(1, Math.min(concurrency, itemCount));
	await Promise.all(Array.from({ length: workers }, worker));

	if (failures.length) {
		failures.sort((a, b) => a.itemIndex - b.itemIndex);
		throw failures[0].error;
	}
	return results.flat();
}
