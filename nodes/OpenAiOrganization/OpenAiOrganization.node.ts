import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

// Every request of this node explains its resources' refusals in their words (Default project, audit logging…).
import '../shared/resources/refusals';
import { executeWithErrorItems } from '../shared/execution/continueOnFail';
import { ORGANIZATION_ENTRY_DESCRIPTION } from '../shared/parameters/panelEntry';
import { operationSubtitle } from '../shared/parameters/subtitle';
import { requestOptionsProperty } from '../shared/execution/requestOptions';
import { resourceProperty } from '../shared/parameters/operations';
import * as adminApiKey from './actions/adminApiKey';
import * as auditLog from './actions/auditLog';
import * as certificate from './actions/certificate';
import * as dataRetention from './actions/dataRetention';
import * as group from './actions/group';
import * as groupMember from './actions/groupMember';
import * as invite from './actions/invite';
import * as role from './actions/role';
import * as spendAlert from './actions/spendAlert';
import * as spendLimit from './actions/spendLimit';
import * as user from './actions/user';
// Costs and usage are shared operations (nodes/shared/actions): this node and OpenAI Projects show the same ones.
import * as cost from '../shared/actions/cost';
import { typedProjectFilterProperty } from '../shared/resources/projectFilter';
import * as usage from '../shared/actions/usage';
import { listSearch, loadOptions } from './methods';
import { router } from './actions/router';

const properties: INodeProperties[] = [
	resourceProperty([
		{ name: 'Admin API Key', value: 'adminApiKey' },
		{ name: 'Audit Log', value: 'auditLog' },
		{ name: 'Certificate', value: 'certificate' },
		{ name: 'Cost', value: 'cost' },
		{ name: 'Data Retention', value: 'dataRetention' },
		{ name: 'Group', value: 'group' },
		{ name: 'Group Member', value: 'groupMember' },
		{ name: 'Invite', value: 'invite' },
		{ name: 'Role', value: 'role' },
		{ name: 'Spend Alert', value: 'spendAlert' },
		{ name: 'Spend Limit', value: 'spendLimit' },
		{ name: 'Usage', value: 'usage' },
		{ name: 'User', value: 'user' },
	], 'auditLog'),
	...auditLog.description,
	...user.description,
	...invite.description,
	...role.description,
	...group.description,
	...groupMember.description,
	...usage.description,
	...cost.description,
	...adminApiKey.description,
	...certificate.description,
	typedProjectFilterProperty,
	...spendAlert.description,
	...spendLimit.description,
	...dataRetention.description,
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
