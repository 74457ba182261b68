import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collectionProperty } from '../parameters/collections';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../transport';

const DEFAULT_TIMEOUT_SECONDS = DEFAULT_TIMEOUT_MS / 1000;

export const requestOptionsProperty: INodeProperties = collectionProperty(
	{ displayName: 'Request Options', name: 'requestOptions', placeholder: 'Add Option' },
	[
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
			default: DEFAULT_TIMEOUT_SECONDS,
			description: 'How long to wait for one answer from OpenAI before giving up on it',
		},
	],
);

/** How hard one item's requests try: retries, and the time each attempt may take. */
export interface RequestLimits {
	maxRetries: number;
	timeoutMs: number;
}

/** Reads and checks the "Request Options" of one item. */
export function readRequestLimits(this: IExecuteFunctions, itemIndex: number): RequestLimits {
	const { maxRetries = DEFAULT_MAX_RETRIES, timeoutSeconds = DEFAULT_TIMEOUT_SECONDS } = this.getNodeParameter(
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
