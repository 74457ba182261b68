import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/execution/router';
import type { OperationTable } from '../../shared/execution/operation';
import { readItemsAtOnce } from '../helpers/itemsAtOnce';
import * as batch from './batch';
import * as chat from './chat';
import * as file from './file';
import * as model from './model';
import * as response from './response';

const operations: OperationTable = {
	batch: { cancel: batch.cancel, getAll: batch.getAll },
	chat: { complete: chat.complete, getAll: chat.getAll },
	file: { delete: file.delete, getAll: file.getAll },
	model: { delete: model.delete, get: model.get, getAll: model.getAll },
	response: { cancel: response.cancel, delete: response.delete, get: response.get, getInputItems: response.getInputItems },
};

/**
 * Completions take seconds each, so "Items at Once" of them run at the same time. Batch > Create and Get take the
 * whole run at once (one file for many items); every other operation goes item by item.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const wholeRun = this.getNodeParameter('resource', 0) === 'batch' && batch.WHOLE_RUN.includes(this.getNodeParameter('operation', 0) as string);
	if (wholeRun) return await batch.execute.call(this);
	return await route.call(this, operations, { itemsAtOnce: readItemsAtOnce });
}
