import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/execution/router';
import type { OperationTable } from '../../shared/execution/operation';
import * as auditLog from './auditLog';

const operations: OperationTable = {
	auditLog: { getAll: auditLog.getAll },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, operations);
}
