import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../shared/execution/runPerItem';
import { readItemsAtOnce } from '../helpers/itemsAtOnce';
import * as chat from './chat';
import type { ItemCall } from './chat/complete.operation';

type Prepare = (this: IExecuteFunctions, itemIndex: number) => ItemCall;

const operations: Record<string, Record<string, Prepare>> = {
	chat: { complete: chat.complete.prepare },
};

type Prepared = { call: ItemCall } | { error: NodeApiError | NodeOperationError };

function prepareItem(this: IExecuteFunctions, prepare: Prepare, itemIndex: number): Prepared {
	try {
		return { call: prepare.call(this, itemIndex) };
	} catch (error) {
		if (error instanceof NodeApiError || error instanceof NodeOperationError) return { error };
		return { error: new NodeOperationError(this.getNode(), error as Error, { itemIndex }) };
	}
}

/**
 * Checks every item before the first request, so that a typo in item 40 does not fail the run after 39
 * paid completions. With "continue on fail" the bad items become error items and the others still run.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const prepare = operations[resource]?.[operation];
	if (!prepare) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	const itemsAtOnce = readItemsAtOnce.call(this);
	const prepared = this.getInputData().map((_, itemIndex) =>
		prepareItem.call(this, prepare, itemIndex),
	);
	if (!this.continueOnFail()) {
		const firstProblem = prepared.find(
			(entry): entry is Extract<Prepared, { error: unknown }> => 'error' in entry,
		);
		if (firstProblem) throw firstProblem.error;
	}
	const sendItem = async (itemIndex: number) => {
		const entry = prepared[itemIndex];
		if ('error' in entry) throw entry.error;
		return await entry.call();
	};
	return [await runPerItem.call(this, sendItem, itemsAtOnce)];
}
