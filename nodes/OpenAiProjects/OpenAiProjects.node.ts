import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

// Every request of this node explains its resources' refusals in their words (Default project, audit logging…).
import '../shared/resources/refusals';
import { adminKeyNoticeProperty } from '../shared/adminKeyNotice';
import { requestOptionsProperty } from '../shared/execution/requestOptions';
import * as cost from '../shared/actions/cost';
import * as project from './actions/project';
import * as projectApiKey from './actions/projectApiKey';
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
		subtitle:
			'={{ {"project:getAll": "Get many projects", "project:create": "Create project", "project:get": "Get project", "project:rename": "Rename project", "project:archive": "Archive project", "project:findStale": "Find stale projects", "cost:getAll": "Get costs per project", "usage:getAll": "Get usage per project", "projectUser:getAll": "Get users of a project", "projectUser:add": "Add user to project", "projectUser:get": "Get project user", "projectUser:update": "Change project user role", "projectUser:remove": "Remove user from project", "serviceAccount:getAll": "Get service accounts", "serviceAccount:create": "Create service account", "serviceAccount:createKey": "Create service account key", "serviceAccount:get": "Get service account", "serviceAccount:delete": "Delete service account", "projectApiKey:getAll": "Get project keys", "projectApiKey:get": "Get project key", "projectApiKey:delete": "Delete project key", "rateLimit:getAll": "Get rate limits", "rateLimit:update": "Update rate limit", "spendAlert:create": "Create spend alert", "spendAlert:delete": "Delete spend alert", "spendAlert:get": "Get spend alert", "spendAlert:getAll": "Get spend alerts", "spendAlert:update": "Update spend alert", "spendLimit:get": "Get spend limit", "spendLimit:set": "Set spend limit", "spendLimit:remove": "Remove spend limit", "modelPermissions:get": "Get model permissions", "modelPermissions:update": "Update model permissions", "modelPermissions:remove": "Remove model permissions", "hostedToolPermissions:get": "Get hosted tool permissions", "hostedToolPermissions:update": "Update hosted tool permissions"}[$parameter["resource"] + ":" + $parameter["operation"]] }}',
		description: 'Manage the projects of an OpenAI organization (needs an Admin API key)',
		defaults: { name: 'OpenAI Projects' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'openAiAdminApi', required: true, displayOptions: { show: { '@version': [2] } } },
			{ name: 'openAiOrgApi', required: true, displayOptions: { show: { '@version': [1] } } },
		],
		properties: [
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
			...projectUser.description,
			...serviceAccount.description,
			...projectApiKey.description,
			...rateLimit.description,
			...spendAlert.description,
			...spendLimit.description,
			...modelPermissions.description,
			...hostedToolPermissions.description,
			requestOptionsProperty,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeWithErrorItems.call(this, router);
	}
}
