import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../shared/execution/runPerItem';
import * as cost from './cost';
import * as project from './project';
import * as usage from './usage';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>;

const operations: Record<string, Record<string, Operation>> = {
	project: {
		archive: project.archive.execute,
		create: project.create.execute,
		findStale: project.findStale.execute,
		get: project.get.execute,
		getAll: project.getAll.execute,
		rename: project.rename.execute,
	},
	cost: { getAll: cost.getAll.execute },
	usage: { getAll: usage.getAll.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	// Admin endpoints are rate limited per key; one item at a time keeps the order and stays under it.
	return [await runPerItem.call(this, execute, 1)];
}
