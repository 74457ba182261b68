import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem } from './errorItems';
import type { NodeError } from './errorItems';
import { guardDestructive } from './destructive';
import type { CheckedItem } from './destructive';
import type { Operation, OperationTable } from './operation';


export interface RouteOptions {
	/** How many items are sent at once, read once for the whole run; one when absent. */
	itemsAtOnce?: (this: IExecuteFunctions) => number;
}

function pickOperation(this: IExecuteFunctions, operations: OperationTable): Operation {
	const resource = this.getNodeParameter('resource', 0) as string;
	const name = this.getNodeParameter('operation', 0) as string;
	const operation = operations[resource]?.[name];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${name}" of "${resource}" is not supported`);
	}
	return operation;
}

function checkItem(this: IExecuteFunctions, operation: Operation, itemIndex: number): CheckedItem {
	try {
		return operation.prepare.call(this, itemIndex);
	} catch (error) {
		return { problem: asNodeError.call(this, error, itemIndex) };
	}
}

/**
 * Sends the checked items, up to `itemsAtOnce` at a time. Output keeps input order and pairing whatever finishes
 * first. With "Continue On Fail" a failed or refused item becomes an error item in its place; otherwise the first
 * failure (by item order) stops the node once the requests under way have settled, and no new one starts.
 */
async function sendInOrder(
	this: IExecuteFunctions,
	checked: CheckedItem[],
	itemsAtOnce: number,
): Promise<INodeExecutionData[]> {
	const results: INodeExecutionData[][] = new Array(checked.length);
	const failures: Array<{ itemIndex: number; error: NodeError }> = [];
	let next = 0;

	const worker = async () => {
		while (next < checked.length && failures.length === 0) {
			const itemIndex = next++;
			const item = checked[itemIndex];
			try {
				if ('problem' in item) throw item.problem;
				const output = await item.send();
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

	const workers = Math.max(1, Math.min(itemsAtOnce, checked.length));
	await Promise.all(Array.from({ length: workers }, worker));

	if (failures.length) {
		failures.sort((a, b) => a.itemIndex - b.itemIndex);
		throw failures[0].error;
	}
	return results.flat();
}

/**
 * The one item loop of every node: picks the operation, checks every item before the first request (a mistake in
 * item 40 must not fail the run after 39 paid completions or 39 archived projects), then sends. Without "Continue
 * On Fail" the first bad item stops the run before anything is sent; with it, bad items become error items and the
 * others still run.
 */
export async function route(
	this: IExecuteFunctions,
	operations: OperationTable,
	options: RouteOptions = {},
): Promise<INodeExecutionData[][]> {
	const operation = pickOperation.call(this, operations);
	const itemsAtOnce = options.itemsAtOnce?.call(this) ?? 1;
	let checked = this.getInputData().map((_, itemIndex) => checkItem.call(this, operation, itemIndex));
	if (!this.continueOnFail()) {
		const firstProblem = checked.find((item): item is { problem: NodeError } => 'problem' in item);
		if (firstProblem) throw firstProblem.problem;
	}
	if (operation.destructive) {
		const guarded = await guardDestructive.call(this, operation.destructive, checked);
		if (guarded.dryRun) return [dryRunOutput(guarded.items, guarded.dryRun)];
		checked = guarded.items;
	}
	return [await sendInOrder.call(this, checked, operation.destructive ? 1 : itemsAtOnce)];
}

/** A Dry Run puts out what each item's check found, and the error item of a refused one (Continue On Fail). */
function dryRunOutput(items: CheckedItem[], previews: IDataObject[][]): INodeExecutionData[] {
	return items.flatMap((item, itemIndex) =>
		'problem' in item
			? [errorItem(item.problem, itemIndex)]
			: previews[itemIndex].map((json) => ({ json, pairedItem: { item: itemIndex } })),
	);
}
