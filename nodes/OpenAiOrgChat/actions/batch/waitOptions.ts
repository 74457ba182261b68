import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** How a batch is waited for: polled with n8n's sleep every interval until it is finished or the timeout passes. */
export interface WaitSettings {
	pollIntervalMs: number;
	timeoutMs: number;
}

const MAX_WAIT_MINUTES = 24 * 60;

/** "Poll Interval" and "Wait Timeout", shown when `showWhen` holds (e.g. Wait for Results is on). */
export function waitProperties(show: Record<string, Array<string | boolean>>): INodeProperties[] {
	return [
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollIntervalSeconds',
			type: 'number',
			typeOptions: { minValue: 0.1, numberPrecision: 1 },
			default: 60,
			description: 'How long to wait between two looks at the batch',
			displayOptions: { show },
		},
		{
			displayName: 'Wait Timeout (Minutes)',
			name: 'waitTimeoutMinutes',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: MAX_WAIT_MINUTES },
			default: 60,
			description:
				'How long to wait for the batch to finish (OpenAI takes up to 24 h); after that the node stops with the batch ID, and Batch > Get can pick it up later',
			displayOptions: { show },
		},
	];
}

export function readWaitSettings(this: IExecuteFunctions, itemIndex: number): WaitSettings {
	const interval = Number(this.getNodeParameter('pollIntervalSeconds', itemIndex, 60));
	const timeout = Number(this.getNodeParameter('waitTimeoutMinutes', itemIndex, 60));
	if (!(interval >= 0.1)) {
		throw new NodeOperationError(this.getNode(), `"Poll Interval (Seconds)" must be 0.1 or more, not ${interval}`, { itemIndex });
	}
	if (!(timeout >= 0 && timeout <= MAX_WAIT_MINUTES)) {
		throw new NodeOperationError(this.getNode(), `"Wait Timeout (Minutes)" must be from 0 to ${MAX_WAIT_MINUTES}, not ${timeout}`, { itemIndex });
	}
	return { pollIntervalMs: interval * 1000, timeoutMs: timeout * 60_000 };
}
