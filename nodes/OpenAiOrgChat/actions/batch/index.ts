import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import * as getResults from './getResults.operation';
import * as submit from './submit.operation';

export { getResults, submit };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['batch'] } },
		options: [
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
		],
		default: 'submit',
	},
	...submit.description,
	...getResults.description,
];

/** Batch operations take the whole run's items at once (one file for many items), not one item at a time. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	return operation === 'getResults' ? await getResults.execute.call(this) : await submit.execute.call(this);
}
