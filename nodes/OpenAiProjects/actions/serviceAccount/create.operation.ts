import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { memberPath, SERVICE_ACCOUNT, toMemberItem } from '../../../shared/resources/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { createShownOnce, secretShownOnce } from '../../../shared/resources/secretShownOnce';
import { optionsCollection } from '../../../shared/parameters/collections';

const properties: INodeProperties[] = [
	projectLocator,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'CI deploy bot',
		description: 'The name of the new service account',
	},
	optionsCollection([
		{
			displayName: 'Without API Key',
			name: 'withoutApiKey',
			type: 'boolean',
			default: false,
			description:
				'Whether to create only the account, with no role and no API key (give it a key later)',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['serviceAccount'], operation: ['create'] } },
	properties,
);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
	if (!name) {
		throw new NodeOperationError(
			this.getNode(),
			'"Name" is empty: a service account needs a name',
			{ itemIndex },
		);
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = { name };
	if (options.withoutApiKey === true) body.create_service_account_only = true;
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () => {
			const response = await createShownOnce.call(
				this,
				{ method: 'POST', path: memberPath(SERVICE_ACCOUNT, projectId), body, itemIndex, subject: `project ${projectId}`, ...limits },
				`the service account "${name}"`,
			);
			const { api_key: apiKey, ...account } = response.body as IDataObject;
			return [toMemberItem(account, projectId, secretShownOnce(apiKey as IDataObject | null))];
		},
	};
}
