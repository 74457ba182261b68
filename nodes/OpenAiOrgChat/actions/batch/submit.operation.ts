import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { asNodeError, errorItem } from '../../../shared/execution/errorItems';
import type { NodeError } from '../../../shared/execution/errorItems';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { properties as chatProperties, readCompleteCall } from '../chat/complete.operation';
import {
	customIdOf,
	fingerprintOf,
	MAX_BATCH_REQUESTS,
	splitLines,
	submitBatch,
	waitForBatch,
} from './batchApi';
import type { Batch, BatchPlace } from './batchApi';
import { collectOutcomes, nameItems, outcomeItems } from './results';
import { readWaitSettings, waitProperties } from './waitOptions';

/** The chat request's own fields, as Complete has them; "Items at Once" and "Background" mean nothing in a batch. */
const NOT_IN_A_BATCH = ['itemsAtOnce', 'background'];
const requestProperties: INodeProperties[] = chatProperties.map((property) =>
	property.name === 'options'
		? { ...property, options: (property.options ?? []).filter((option) => !NOT_IN_A_BATCH.includes(option.name)) }
		: property,
);

const properties: INodeProperties[] = [
	{
		displayName:
			'All items go into one JSONL file per organization and project, run by OpenAI within 24 hours at half the price',
		name: 'batchNotice',
		type: 'notice',
		default: '',
	},
	...requestProperties,
	{
		displayName: 'Max Requests per Batch',
		name: 'maxRequestsPerBatch',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_BATCH_REQUESTS },
		default: MAX_BATCH_REQUESTS,
		description:
			"More items than this (or a file over OpenAI's 200 MB) are split into several batches; lower it to stay under a model's enqueued-token limit",
	},
	{
		displayName: 'Wait for Results',
		name: 'waitForResults',
		type: 'boolean',
		default: false,
		description:
			'Whether to poll until the batches are finished and put out one answer per item, in input order; off, the node puts out one item per batch for Batch > Get',
	},
	...waitProperties({ waitForResults: [true] }),
];

export const description = updateDisplayOptions({ show: { resource: ['batch'], operation: ['submit'] } }, properties);

interface Entry {
	itemIndex: number;
	line: string;
}

interface Group {
	place: BatchPlace;
	/** the endpoint every line of the group's files goes to: /v1/chat/completions or /v1/responses */
	endpoint: string;
	entries: Entry[];
}

interface Submitted {
	batch: Batch;
	endpoint: string;
	place: BatchPlace;
	entries: Entry[];
	reused: boolean;
}

function readMaxRequests(this: IExecuteFunctions): number {
	const value = Number(this.getNodeParameter('maxRequestsPerBatch', 0, MAX_BATCH_REQUESTS));
	if (!Number.isInteger(value) || value < 1 || value > MAX_BATCH_REQUESTS) {
		throw new NodeOperationError(
			this.getNode(),
			`"Max Requests per Batch" must be a whole number from 1 to ${MAX_BATCH_REQUESTS}, not ${value}`,
			{ description: 'Nothing was sent to OpenAI.' },
		);
	}
	return value;
}

/** Every item's request, grouped by its endpoint and the organization and project it is billed to; bad items are set aside. */
function groupItems(this: IExecuteFunctions): { groups: Group[]; problems: Map<number, NodeError> } {
	const groups = new Map<string, Group>();
	const problems = new Map<number, NodeError>();
	this.getInputData().forEach((_, itemIndex) => {
		try {
			const { call, scope } = readCompleteCall.call(this, itemIndex);
			const limits = readRequestLimits.call(this, itemIndex);
			const endpoint = `/v1${call.path}`;
			// A batch file goes to one endpoint under one organization and project.
			const key = `${endpoint}|${scope.organizationId}|${scope.projectId}`;
			const group = groups.get(key) ?? { place: { scope, limits, itemIndex }, endpoint, entries: [] };
			groups.set(key, group);
			const line = JSON.stringify({ custom_id: customIdOf(itemIndex), method: 'POST', url: endpoint, body: call.body });
			group.entries.push({ itemIndex, line });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError.call(this, error, itemIndex);
			problems.set(itemIndex, asNodeError.call(this, error, itemIndex));
		}
	});
	return { groups: [...groups.values()], problems };
}

function summaryOf(submitted: Submitted): INodeExecutionData {
	const { batch, place, entries, reused } = submitted;
	const json: IDataObject = {
		batchId: batch.id,
		status: batch.status,
		inputFileId: batch.input_file_id,
		endpoint: submitted.endpoint,
		organizationId: place.billedTo?.organizationId ?? place.scope.organizationId,
		projectId: place.billedTo?.projectId ?? place.scope.projectId,
		requests: entries.length,
		items: nameItems(entries.map((entry) => entry.itemIndex)),
		alreadySubmitted: reused,
	};
	return { json, pairedItem: entries.map((entry) => ({ item: entry.itemIndex })) };
}

async function resultsOf(this: IExecuteFunctions, submitted: Submitted, simplify: boolean): Promise<INodeExecutionData[]> {
	const { place, entries } = submitted;
	try {
		const batch = await waitForBatch.call(this, place, submitted.batch.id, readWaitSettings.call(this, place.itemIndex));
		const outcomes = await collectOutcomes.call(this, place, batch, simplify);
		return outcomeItems.call(this, batch, outcomes, (outcome) => outcome.itemIndex ?? place.itemIndex, place.itemIndex);
	} catch (error) {
		if (!this.continueOnFail()) throw asNodeError.call(this, error, place.itemIndex);
		const nodeError = asNodeError.call(this, error, place.itemIndex);
		return entries.map((entry) => errorItem(nodeError, entry.itemIndex));
	}
}

function pairedIndex(item: INodeExecutionData): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'object' && paired !== null ? paired.item : 0;
}

/**
 * Batch > Create: one JSONL line per item (custom_id n8n-item-<index>), one file and batch per organization and
 * project (split at the limits), each found again instead of submitted twice when the node is retried.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const maxRequests = readMaxRequests.call(this);
	const wait = this.getNodeParameter('waitForResults', 0, false) as boolean;
	const { groups, problems } = groupItems.call(this);
	const run = `${this.getExecutionId() ?? 'manual'}:${this.getNode().id}`;

	const submitted: Submitted[] = [];
	for (const [groupIndex, group] of groups.entries()) {
		for (const [partIndex, entries] of splitLines(group.entries, maxRequests).entries()) {
			const lines = entries.map((entry) => entry.line);
			const place = { ...group.place, itemIndex: entries[0].itemIndex };
			const key = `${run}:${groupIndex}.${partIndex}:${fingerprintOf(lines.join('\n'))}`;
			const { batch, reused } = await submitBatch.call(this, place, { lines, key, endpoint: group.endpoint });
			submitted.push({ batch, endpoint: group.endpoint, place, entries, reused });
		}
	}

	const output: INodeExecutionData[] = [...problems].map(([itemIndex, error]) => errorItem(error, itemIndex));
	for (const part of submitted) {
		if (!wait) output.push(summaryOf(part));
		else output.push(...(await resultsOf.call(this, part, this.getNodeParameter('simplify', 0, true) as boolean)));
	}
	return [output.sort((a, b) => pairedIndex(a) - pairedIndex(b))];
}
