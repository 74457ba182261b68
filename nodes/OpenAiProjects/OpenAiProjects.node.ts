import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/execution/requestOptions';
import * as project from './actions/project';
import { router } from './actions/router';
import { listSearch } from './methods';

export class OpenAiProjects implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenAI Projects',
		name: 'openAiProjects',
		icon: { light: 'file:openAiProjects.svg', dark: 'file:openAiProjects.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage the projects of an OpenAI organization (needs an Admin API key)',
		defaults: { name: 'OpenAI Projects' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openAiOrgApi', required: true }],
		properties: [
			{
				displayName:
					'This node needs an Admin API key (sk-admin-…), which organization owners create at platform.openai.com/settings/organization/admin-keys',
				name: 'adminKeyNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Project', value: 'project' }],
				default: 'project',
			},
			...project.description,
			requestOptionsProperty,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
