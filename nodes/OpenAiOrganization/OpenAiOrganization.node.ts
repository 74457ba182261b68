import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { executeWithErrorItems } from '../shared/execution/continueOnFail';
import { adminKeyNoticeProperty } from '../shared/adminKeyNotice';
import { requestOptionsProperty } from '../shared/execution/requestOptions';
import * as auditLog from './actions/auditLog';
import { router } from './actions/router';

export class OpenAiOrganization implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenAI Organization',
		name: 'openAiOrganization',
		icon: { light: 'file:openAiOrganization.svg', dark: 'file:openAiOrganization.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ {"auditLog:getAll": "Get audit log events"}[$parameter["resource"] + ":" + $parameter["operation"]] }}',
		description: 'Read and manage an OpenAI organization: its audit log (needs an Admin API key)',
		defaults: { name: 'OpenAI Organization' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openAiAdminApi', required: true }],
		properties: [
			adminKeyNoticeProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Audit Log', value: 'auditLog' }],
				default: 'auditLog',
			},
			...auditLog.description,
			requestOptionsProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeWithErrorItems.call(this, router);
	}
}
