import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import type { OperationTable, PreparedItem } from '../../nodes/shared/execution/operation';
import { route } from '../../nodes/shared/execution/router';

const NODE = { name: 'Any Node', type: 'any', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;

/** A made-up destructive operation ("remove users"), to show that declaring it destructive is all it takes. */
function removeUsers(sent: string[]): OperationTable {
	return {
		user: {
			remove: {
				destructive: { verb: 'remove', pastTense: 'removed', items: 'users' },
				prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
					const id = String(this.getInputData()[itemIndex].json.id);
					return {
						check: async () => {
							if (id === 'owner') throw new Error('The owner cannot be removed');
							return [{ id, wouldRemove: true }];
						},
						send: async () => {
							sent.push(id);
							return [{ id, removed: true }];
						},
					};
				},
			},
		},
	};
}

function context(ids: string[], parameters: IDataObject = {}, continueOnFail = false): IExecuteFunctions {
	const all: IDataObject = { resource: 'user', operation: 'remove', ...parameters };
	return {
		getNode: () => NODE,
		getInputData: () => ids.map((id) => ({ json: { id } })),
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => all[name] ?? fallback,
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteFunctions;
}

describe('any operation that declares itself destructive gets the same guard', () => {
	test('the per-run cap stops it before the first check, in its own words', async () => {
		const sent: string[] = [];
		await expect(route.call(context(['a', 'b', 'c'], { maxPerRun: 2 }), removeUsers(sent))).rejects.toThrow(
			'3 items would remove 3 users, more than "Max Users per Run" (2); nothing was removed',
		);
		expect(sent).toEqual([]);
	});

	test('a refused last item stops the run before the first change', async () => {
		const sent: string[] = [];
		await expect(route.call(context(['a', 'b', 'owner']), removeUsers(sent))).rejects.toThrow('The owner cannot be removed');
		expect(sent).toEqual([]);
	});

	test('Dry Run puts out what the checks found and sends nothing', async () => {
		const sent: string[] = [];
		const [output] = await route.call(context(['a', 'b'], { dryRun: true }), removeUsers(sent));
		expect(output).toEqual([
			{ json: { id: 'a', wouldRemove: true }, pairedItem: { item: 0 } },
			{ json: { id: 'b', wouldRemove: true }, pairedItem: { item: 1 } },
		]);
		expect(sent).toEqual([]);
	});

	test('with Continue On Fail a refused item becomes an error item and the others are sent, in order', async () => {
		const sent: string[] = [];
		const [output] = await route.call(context(['a', 'owner', 'b'], {}, true), removeUsers(sent));
		expect(output.map((item) => item.json)).toEqual([{ id: 'a', removed: true }, { error: 'The owner cannot be removed' }, { id: 'b', removed: true }]);
		expect(sent).toEqual(['a', 'b']);
	});
});
