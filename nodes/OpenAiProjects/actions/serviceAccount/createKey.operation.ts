import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import {
	getMemberId,
	memberLocator,
	memberPath,
	memberSubject,
	SERVICE_ACCOUNT,
} from '../../../shared/resources/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { createShownOnce, secretShownOnce } from '../../../shared/resources/secretShownOnce';

const properties: INodeProperties[] = [
	projectLocator,
	memberLocator(SERVICE_ACCOUNT, 'The service account that gets a new API key'),
	{
		displayName: 'Key Name',
		name: 'keyName',
		type: 'string',
		default: '',
		placeholder: 'rotation 2026-11',
		description:
			'A name for the new key, shown in the key list (OpenAI names it itself when empty)',
	},
	{
		displayName: 'Scopes',
		name: 'scopes',
		type: 'string',
		default: '',
		placeholder: 'e.g. api.model.read, api.model.request',
		description:
			'What the key may do, as OpenAI names its scopes, separated by commas. Empty: OpenAI gives the key its default permissions.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['serviceAccount'], operation: ['createKey'] } },
	properties,
);

/** The contract's `scopes` (strings): each given once, with no spaces inside one. */
function readScopes(this: IExecuteFunctions, itemIndex: number): string[] {
	const raw = String(this.getNodeParameter('scopes', itemIndex, '') ?? '');
	const scopes = [...new Set(raw.split(',').map((scope) => scope.trim()).filter(Boolean))];
	const bad = scopes.find((scope) => /\s/.test(scope));
	if (bad) {
		throw new NodeOperationError(this.getNode(), `"Scopes" holds "${bad}", which is not one scope`, {
			itemIndex,
			description: 'Separate scopes with commas, e.g. "api.model.read, api.model.request".',
		});
	}
	return scopes;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const accountId = getMemberId.call(this, SERVICE_ACCOUNT, itemIndex);
	const keyName = String(this.getNodeParameter('keyName', itemIndex, '') ?? '').trim();
	const limits = readRequestLimits.call(this, itemIndex);
	const body: IDataObject = keyName ? { name: keyName } : {};
	const scopes = readScopes.call(this, itemIndex);
	if (scopes.length > 0) body.scopes = scopes;
	return {
		send: async () => {
			// Like a create of an account: never repeated once it may have reached OpenAI (see createShownOnce).
			const response = await createShownOnce.call(
				this,
				{
					method: 'POST',
					path: `${memberPath(SERVICE_ACCOUNT, projectId, accountId)}/api_keys`,
					body,
					itemIndex,
					subject: memberSubject(SERVICE_ACCOUNT, projectId, accountId),
					...limits,
				},
				'the key',
			);
			return [
				{
					projectId,
					serviceAccountId: accountId,
					...secretShownOnce(response.body as IDataObject),
				},
			];
		},
	};
}
