import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getInputItems from './getInputItems.operation';

export { cancel, del as delete, get, getInputItems };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['response'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a background response',
				description: 'Stop a background response that is queued or running; what it used until then is still billed',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a stored response',
				description: 'Delete a stored response; its conversation can no longer be continued',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a stored response',
				description: 'Get a stored response of the Responses API, e.g. a background one once it finished',
			},
			{
				name: 'Get Input Items',
				value: 'getInputItems',
				action: 'Get the input items of a stored response',
				description: 'List the messages a stored response was sent, one item each',
			},
		],
		default: 'get',
	},
	...get.description,
	...getInputItems.description,
	...cancel.description,
	...del.description,
];
