import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem } from './errorItems';

/**
 * Runs a node's whole execution. A failure raised before the items run (a node-wide setting, an unknown
 * operation) would otherwise reach n8n, which under "Continue On Fail" passes the input on without saying why:
 * here every input item gets an error item with the message instead. Failures of single items never get here,
 * since the router turns them into error items itself.
 */
export async function executeWithErrorItems(
	this: IExecuteFunctions,
	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>,
): Promise<INodeExecutionData[][]> {
	try {
		return await execute.call(this);
	} catch (error) {
		if (!this.continueOnFail()) throw asNodeError.call(this, error);
		const itemCount = Math.max(1, this.getInputData().length);
		return [
			Array.from({ length: itemCount }, (_, itemIndex) =>
				errorItem(asNodeError.call(this, error, itemIndex), itemIndex),
			),
		];
	}
}
