import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/execution/router';
import type { OperationTable } from '../../shared/execution/operation';
import * as cost from './cost';
import * as project from './project';
import * as usage from './usage';

const operations: OperationTable = {
	project: {
		archive: project.archive,
		create: project.create,
		findStale: project.findStale,
		get: project.get,
		getAll: project.getAll,
		rename: project.rename,
	},
	cost: { getAll: cost.getAll },
	usage: { getAll: usage.getAll },
};

/** Admin endpoints are rate limited per key; one item at a time keeps the order and stays under it. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, operations);
}
