import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

// Every request of this node explains its resources' refusals in their words (Default project, audit logging…).
import '../shared/resources/refusals';
import { adminKeyNoticeProperty } from '../shared/adminKeyNotice';
import { operationSubtitle } from '../shared/parameters/subtitle';
import { requestOptionsProperty } from '../shared/execution/requestOptions';
import * as cost from '../shared/actions/cost';
import { typedProjectFilterProperty } from '../shared/resources/projectFilter';
import * as project from './actions/project';
import * as projectApiKey from './actions/projectApiKey';
import * as projectGroup from './actions/projectGroup';
import * as projectUser from './actions/projectUser';
import * as serviceAccount from './actions/serviceAccount';
import { executeWithErrorItems } from '../shared/execution/continueOnFail';
import { router } from './actions/router';
import * as usage from '../shared/actions/usage';
import * as hostedToolPermissions from './actions/hostedToolPermissions';
import * as modelPermissions from './actions/modelPermissions';
import * as rateLimit from './actions/rateLimit';
import * as spendAlert from './actions/spendAlert';
import * as spendLimit from './actions/spendLimit';
import { listSearch, loadOptions } from './methods';

const properties: INodeProperties[] = [
	adminKeyNoticeProperty,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Cost', value: 'cost' },
			{ name: 'Hosted Tool Permission', value: 'hostedToolPermissions' },
			{ name: 'Model Permission', value: 'modelPermissions' },
			{ name: 'Project', value: 'project' },
			{ name: 'Project API Key', value: 'projectApiKey' },
			{ name: 'Project Group', value: 'projectGroup' },
			{ name: 'Project User', value: 'projectUser' },
			{ name: 'Rate Limit', value: 'rateLimit' },
			{ name: 'Service Account', value: 'serviceAccount' },
			{ name: 'Spend Alert', value: 'spendAlert' },
			{ name: 'Spend Limit', value: 'spendLimit' },
			{ name: 'Usage', value: 'usage' },
		],
		default: 'project',
	},
	...project.description,
	...cost.description,
	...usage.description,
	typedProjectFilterProperty,
	...projectUser.description,
	...serviceAccount.description,
	...projectApiKey.description,
	...projectGroup.description,
	...rateLimit.description,
	...spendAlert.description,
	...spendLimit.description,
	...modelPermissions.description,
	...hostedToolPermissions.description,
	requestOptionsProperty,
];

export class OpenAiProjects implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenAI Projects',
		name: 'openAiProjects',
		icon: { light: 'file:openAiProjects.svg', dark: 'file:openAiProjects.dark.svg' },
		group: ['transform'],
		// Version 2 takes the "OpenAI Admin API" credential, so a new node picks an Admin key by itself.
		// Version 1 keeps the "OpenAI Organization API" credential that workflows built with it carry.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: operationSubtitle(properties),
		description: 'Manage the projects of an OpenAI organization (needs an Admin API key)',
		defaults: { name: 'OpenAI Projects' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'openAiAdminApi', required: true, displayOptions: { show: { '@version': [2] } } },
			{ name: 'openAiOrgApi', required: true, displayOptions: { show: { '@version': [1] } } },
		],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeWithErrorItems.call(this, router);
	}
}
