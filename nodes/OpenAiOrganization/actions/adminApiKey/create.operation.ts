import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { createShownOnce, secretShownOnce } from '../../../shared/resources/secretShownOnce';
import { ADMIN_KEY, toAdminKeyItem } from '../../helpers/adminKeys';

const DAY_SECONDS = 86_400;
/** The contract's most: expires_in_seconds up to 31,536,000 (365 days). */
const MAX_DAYS = 365;

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Terraform admin key',
		description: 'The name of the new Admin key, shown in the key list',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Expires In (Days)',
				name: 'expiresInDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_DAYS },
				default: 90,
				description: 'How many days the key works (1 to 365). Without this option the key never expires.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['adminApiKey'], operation: ['create'] } }, properties);

function readExpiry(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.expiresInDays === undefined) return undefined;
	const days = Number(options.expiresInDays);
	if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
		throw new NodeOperationError(this.getNode(), `"Expires In (Days)" must be a whole number from 1 to ${MAX_DAYS}, not ${String(options.expiresInDays)}`, {
			itemIndex,
			description: 'OpenAI lets an Admin key live at most a year. Remove the option for a key that never expires.',
		});
	}
	return days * DAY_SECONDS;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
	if (!name) throw new NodeOperationError(this.getNode(), '"Name" is empty: an Admin key needs a name', { itemIndex });
	const expiresIn = readExpiry.call(this, itemIndex);
	const body: IDataObject = { name };
	if (expiresIn !== undefined) body.expires_in_seconds = expiresIn;
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () => {
			const answer = await createShownOnce.call(
				this,
				{ method: 'POST', path: ADMIN_KEY.path, body, itemIndex, subject: 'the Admin key list', ...limits },
				`the Admin key "${name}"`,
			);
			const { value, ...key } = answer.body as IDataObject;
			const secret = secretShownOnce({ value, id: key.id, name: key.name, created_at: key.created_at });
			return [toAdminKeyItem(key, secret)];
		},
	};
}
