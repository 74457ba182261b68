import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_MAX_RETRIES } from '../transport';

export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: DEFAULT_MAX_RETRIES,
			description:
				'How often a request is retried after a rate limit (429), a server error (5xx) or a dropped connection. Out-of-credit errors are never retried.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 600 },
			default: 300,
			description: 'How long to wait for one answer from OpenAI before giving up on it',
		},
	],
};

export interface RequestTuning {
	maxRetries: number;
	timeoutMs: number;
}

export function getRequestTuning(this: IExecuteFunctions, itemIndex: number): RequestTuning {
	const { maxRetries = DEFAULT_MAX_RETRIES, timeoutSeconds = 300 } = this.getNodeParameter(
		'requestOptions',
		itemIndex,
		{},
	) as { maxRetries?: number; timeoutSeconds?: number };
	if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 10) {
		throw new NodeOperationError(this.getNode(), `"Max Retries" must be a whole number from 0 to 10, not ${maxRetries}`, {
			itemIndex,
		});
	}
	if (!(timeoutSeconds > 0 && timeoutSeconds <= 600)) {
		throw new NodeOperationError(this.getNode(), `"Timeout (Seconds)" must be between 1 and 600, not ${timeoutSeconds}`, {
			itemIndex,
		});
	}
	return { maxRetries, timeoutMs: timeoutSeconds * 1000 };
}
