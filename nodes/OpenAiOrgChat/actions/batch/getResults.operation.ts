import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { asNodeError, errorItem } from '../../../shared/execution/errorItems';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { checkScopeOverrides } from '../../../shared/transport';
import { retrieveBatch, waitForBatch } from './batchApi';
import type { BatchPlace } from './batchApi';
import { collectOutcomes, outcomeItems } from './results';
import { readWaitSettings, waitProperties } from './waitOptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Batch ID',
		name: 'batchId',
		type: 'string',
		default: '={{ $json.batchId }}',
		required: true,
		placeholder: 'batch_…',
		description: 'The batch to read, as Batch > Create put it out',
	},
	{
		displayName: 'Organization ID',
		name: 'organizationId',
		type: 'string',
		default: '={{ $json.organizationId }}',
		placeholder: 'org-…',
		description: "The organization the batch was submitted under; empty uses the credential's",
	},
	{
		displayName: 'Project ID',
		name: 'projectId',
		type: 'string',
		default: '={{ $json.projectId }}',
		placeholder: 'proj_…',
		description: "The project the batch was submitted under (a batch is only visible there); empty uses the credential's",
	},
	{
		displayName: 'Wait for Results',
		name: 'waitForResults',
		type: 'boolean',
		default: true,
		description: 'Whether to poll until the batch is finished; off, a batch still running stops the node with its progress',
	},
	...waitProperties({ waitForResults: [true] }),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['batch'], operation: ['getResults'] } }, properties);

/** Reads where a batch lives from one input item. */
export function readBatchPlace(this: IExecuteFunctions, itemIndex: number): BatchPlace {
	return {
		scope: checkScopeOverrides.call(this, {
			organizationId: String(this.getNodeParameter('organizationId', itemIndex, '') ?? ''),
			projectId: String(this.getNodeParameter('projectId', itemIndex, '') ?? ''),
			itemIndex,
		}),
		limits: readRequestLimits.call(this, itemIndex),
		itemIndex,
	};
}

/** One input item per batch: its lines come out in the order they were submitted, paired with that batch's item. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	const items = this.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const batchId = String(this.getNodeParameter('batchId', itemIndex, '') ?? '').trim();
			if (!batchId) {
				throw new NodeOperationError(this.getNode(), '"Batch ID" is empty: map the batchId field of Batch > Create', { itemIndex });
			}
			const place = readBatchPlace.call(this, itemIndex);
			const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
			const wait = this.getNodeParameter('waitForResults', itemIndex, true) as boolean;
			const batch = wait
				? await waitForBatch.call(this, place, batchId, readWaitSettings.call(this, itemIndex))
				: await retrieveBatch.call(this, place, batchId);
			const outcomes = await collectOutcomes.call(this, place, batch, simplify);
			output.push(...outcomeItems.call(this, batch, outcomes, () => itemIndex, itemIndex));
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError.call(this, error, itemIndex);
			output.push(errorItem(asNodeError.call(this, error, itemIndex), itemIndex));
		}
	}
	return [output];
}
