import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import type { Operation, OperationTable } from '../../nodes/shared/execution/operation';
import { route } from '../../nodes/shared/execution/router';

const NODE: INode = { id: 'n', name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };

/** Just what the router reads of n8n's execution context: the items, the two choices, Continue On Fail. */
function context(items: IDataObject[], continueOnFail = false): IExecuteFunctions {
	const parameters: IDataObject = { resource: 'thing', operation: 'change' };
	return {
		getInputData: () => items.map((json) => ({ json })),
		getNodeParameter: (name: string) => parameters[name],
		continueOnFail: () => continueOnFail,
		getNode: () => NODE,
	} as unknown as IExecuteFunctions;
}

/** An operation that refuses items marked bad, and records what it sends, in the order sent. */
function recordingOperation(options: { destructive?: boolean; delays?: number[] } = {}) {
	const sent: number[] = [];
	let running = 0;
	let mostAtOnce = 0;
	const operation: Operation = {
		destructive: options.destructive ? { verb: 'change', pastTense: 'changed', items: 'things' } : undefined,
		prepare(this: IExecuteFunctions, itemIndex: number) {
			const { bad } = this.getInputData()[itemIndex].json;
			if (bad) throw new NodeOperationError(this.getNode(), `item ${itemIndex} is bad`, { itemIndex });
			return {
				send: async () => {
					running++;
					mostAtOnce = Math.max(mostAtOnce, running);
					await sleep(options.delays?.[itemIndex] ?? 0);
					running--;
					sent.push(itemIndex);
					return [{ done: itemIndex }];
				},
			};
		},
	};
	const table: OperationTable = { thing: { change: operation } };
	return { table, sent, mostAtOnce: () => mostAtOnce };
}

describe('the shared router: check every item, then send', () => {
	test('a bad last item stops the run before anything is sent', async () => {
		const { table, sent } = recordingOperation();
		await expect(route.call(context([{}, {}, { bad: true }]), table)).rejects.toThrow('item 2 is bad');
		expect(sent).toEqual([]);
	});

	test('output keeps input order and pairing whatever finishes first, with at most "items at once" running', async () => {
		const operation = recordingOperation({ delays: [40, 0, 20, 0, 0] });
		const [output] = await route.call(context([{}, {}, {}, {}, {}]), operation.table, { itemsAtOnce: () => 3 });
		expect(output).toEqual([0, 1, 2, 3, 4].map((item) => ({ json: { done: item }, pairedItem: { item } })));
		expect(operation.sent).not.toEqual([0, 1, 2, 3, 4]);
		expect(operation.mostAtOnce()).toBe(3);
	});

	test('with Continue On Fail a bad item becomes an error item in its place and the others are sent', async () => {
		const { table, sent } = recordingOperation();
		const [output] = await route.call(context([{}, { bad: true }, {}], true), table);
		expect(output).toEqual([
			{ json: { done: 0 }, pairedItem: { item: 0 } },
			{ json: { error: 'item 1 is bad' }, pairedItem: { item: 1 } },
			{ json: { done: 2 }, pairedItem: { item: 2 } },
		]);
		expect(sent.sort()).toEqual([0, 2]);
	});

	test('a destructive operation is sent one item at a time whatever "items at once" says', async () => {
		const operation = recordingOperation({ destructive: true, delays: [10, 10, 10] });
		await route.call(context([{}, {}, {}]), operation.table, { itemsAtOnce: () => 3 });
		expect(operation.mostAtOnce()).toBe(1);
		expect(operation.sent).toEqual([0, 1, 2]);
	});

	test('an operation the node does not have is refused', async () => {
		await expect(route.call(context([{}]), {})).rejects.toThrow('The operation "change" of "thing" is not supported');
	});
});
