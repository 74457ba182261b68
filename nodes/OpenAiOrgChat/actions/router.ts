import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/execution/router';
import type { OperationTable } from '../../shared/execution/operation';
import { readItemsAtOnce } from '../helpers/itemsAtOnce';
import * as batch from './batch';
import * as chat from './chat';
import * as model from './model';
import * as response from './response';

const operations: OperationTable = {
	chat: { complete: chat.complete, getAll: chat.getAll },
	model: { delete: model.delete, get: model.get, getAll: model.getAll },
	response: { cancel: response.cancel, delete: response.delete, get: response.get, getInputItems: response.getInputItems },
};

/** Completions take seconds each, so "Items at Once" of them run at the same time. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	if (this.getNodeParameter('resource', 0) === 'batch') return await batch.execute.call(this);
	return await route.call(this, operations, { itemsAtOnce: readItemsAtOnce });
}
