import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

// Every request of this node explains its resources' refusals in their words (Default project, audit logging…).
import '../shared/resources/refusals';
import { executeWithErrorItems } from '../shared/execution/continueOnFail';
import { ORGANIZATION_ENTRY_DESCRIPTION } from '../shared/parameters/panelEntry';
import { operationSubtitle } from '../shared/parameters/subtitle';
import { requestOptionsProperty } from '../shared/execution/requestOptions';
import * as auditLog from './actions/auditLog';
import * as group from './actions/group';
import * as groupMember from './actions/groupMember';
import * as invite from './actions/invite';
import * as user from './actions/user';
// Costs and usage are shared operations (nodes/shared/actions): this node and OpenAI Projects show the same ones.
import * as cost from '../shared/actions/cost';
import { typedProjectFilterProperty } from '../shared/resources/projectFilter';
import * as usage from '../shared/actions/usage';
import { listSearch, loadOptions } from './methods';
import { router } from './actions/router';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Audit Log', value: 'auditLog' },
			{ name: 'Cost', value: 'cost' },
			{ name: 'Group', value: 'group' },
			{ name: 'Group Member', value: 'groupMember' },
			{ name: 'Invite', value: 'invite' },
			{ name: 'Usage', value: 'usage' },
			{ name: 'User', value: 'user' },
		],
		default: 'auditLog',
	},
	...auditLog.description,
	...user.description,
	...invite.description,
	...group.description,
	...groupMember.description,
	...usage.description,
	...cost.description,
	typedProjectFilterProperty,
	requestOptionsProperty,
];

export class OpenAiOrganization implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenAI Organization',
		name: 'openAiOrganization',
		icon: { light: 'file:openAiOrganization.svg', dark: 'file:openAiOrganization.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: ORGANIZATION_ENTRY_DESCRIPTION,
		defaults: { name: 'OpenAI Organization' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openAiAdminApi', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeWithErrorItems.call(this, router);
	}
}
