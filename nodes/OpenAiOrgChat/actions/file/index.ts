import type { INodeProperties } from 'n8n-workflow';

import * as del from './delete.operation';
import * as getAll from './getAll.operation';

export { del as delete, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a file',
				description: "Delete a file from the project's storage, e.g. a batch's JSONL input once its results are read",
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many files',
				description: 'List the files stored in the project, by purpose (e.g. the JSONL files Batch > Create uploaded)',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...del.description,
];
