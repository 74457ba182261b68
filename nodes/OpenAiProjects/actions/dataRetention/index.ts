import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as update from './update.operation';

export { get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['dataRetention'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get the data retention of a project', description: "Read a project's data retention setting (it may follow the organization's)" },
			{ name: 'Update', value: 'update', action: 'Set the data retention of a project', description: "Set what OpenAI may keep of a project's requests; nothing is sent when it is already so" },
		],
		default: 'get',
	},
	...get.description,
	...update.description,
];
