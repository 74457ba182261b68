import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as getAll from './getAll.operation';
import * as getResults from './getResults.operation';
import * as submit from './submit.operation';

export { cancel, getAll, getResults, submit };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['batch'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a batch',
				description: 'Stop a batch that is validating or running; what ran until then is billed and kept in its output file',
			},
			{
				name: 'Create',
				value: 'submit',
				action: 'Create a batch from the items',
				description: 'Send every item as one request of a Batch API file: half the price, answered within 24 h',
			},
			{
				name: 'Get',
				value: 'getResults',
				action: 'Get the results of a batch',
				description: 'Wait for a batch and put out one answer per submitted item, in input order',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many batches',
				description: 'List the batches of the project, newest first, with where each one stands',
			},
		],
		default: 'submit',
	},
	...submit.description,
	...getResults.description,
	...getAll.description,
	...cancel.description,
];

/** The operations that take the whole run's items at once (one file for many items), not one item at a time. */
export const WHOLE_RUN = ['submit', 'getResults'];

/** Create and Get take the whole run's items at once; Get Many and Cancel go item by item through the router. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	return operation === 'getResults' ? await getResults.execute.call(this) : await submit.execute.call(this);
}
