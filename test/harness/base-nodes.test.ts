import { isN8nInstalled, runWorkflow } from './index';
import type { WorkflowJson } from './index';

const SUMMARIZE_PARAMETERS = {
	fieldsToSummarize: { values: [{ aggregation: 'sum', field: 'cost' }] },
	fieldsToSplitBy: 'project',
};

type NodeParameters = WorkflowJson['nodes'][number]['parameters'];

function triggerThen(type: string, typeVersion: number, parameters: NodeParameters): WorkflowJson {
	return {
		nodes: [
			{
				id: 't',
				name: 'Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{ id: 'n', name: 'Step', type, typeVersion, position: [220, 0], parameters },
		],
		connections: { Trigger: { main: [[{ node: 'Step', type: 'main', index: 0 }]] } },
	};
}

const costs = [
	{ project: 'proj_a', cost: 1.5 },
	{ project: 'proj_b', cost: 2 },
	{ project: 'proj_a', cost: 3 },
];

if (!isN8nInstalled()) {
	test.skip('n8n-nodes-base nodes (skipped: the pinned n8n is not installed; run scripts/install-n8n.sh)', () => {});
} else {
	describe('real n8n-nodes-base nodes from the pinned n8n', () => {
		test('Summarize sums per project and pairs each sum with the items it came from', async () => {
			const result = await runWorkflow(
				triggerThen('n8n-nodes-base.summarize', 1.1, SUMMARIZE_PARAMETERS),
				{
					inputItems: costs,
				},
			);

			expect(result.finished).toBe(true);
			expect(result.nodes.Step.items).toEqual([
				{ project: 'proj_a', sum_cost: 4.5 },
				{ project: 'proj_b', sum_cost: 2 },
			]);
			expect(result.nodes.Step.outputs[0][0].pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
		});

		test('a versioned node (If) runs the version typeVersion picks and fills both outputs', async () => {
			const condition = {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
				conditions: [
					{
						id: 'c',
						leftValue: '={{ $json.cost }}',
						rightValue: 1.5,
						operator: { type: 'number', operation: 'gt' },
					},
				],
				combinator: 'and',
			};

			const result = await runWorkflow(
				triggerThen('n8n-nodes-base.if', 2.2, { conditions: condition, options: {} }),
				{
					inputItems: costs,
				},
			);

			expect(result.nodes.Step.outputs[0].map((item) => item.json.cost)).toEqual([2, 3]);
			expect(result.nodes.Step.outputs[1].map((item) => item.json.cost)).toEqual([1.5]);
		});

		test('the Code node is reported as unsupported (it needs n8n task runners)', async () => {
			const result = await runWorkflow(
				triggerThen('n8n-nodes-base.code', 2, { jsCode: 'return $input.all();' }),
			);

			expect(result.nodes.Step.error?.message).toContain('task runners');
		});
	});
}
