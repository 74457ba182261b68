import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { getRateLimitChoice, rateLimitLocator, rateLimitsPath, resolveRateLimitId } from '../../helpers/rateLimits';
import { collectionProperty } from '../../../shared/parameters/collections';

/** The contract's fields of a rate limit update (all integers), as the node names them. */
const LIMIT_FIELDS: Array<{ name: string; field: string; displayName: string; description: string }> = [
	{ name: 'maxRequestsPerMinute', field: 'max_requests_per_1_minute', displayName: 'Max Requests per Minute', description: 'Requests per minute (RPM)' },
	{ name: 'maxTokensPerMinute', field: 'max_tokens_per_1_minute', displayName: 'Max Tokens per Minute', description: 'Tokens per minute (TPM)' },
	{ name: 'maxImagesPerMinute', field: 'max_images_per_1_minute', displayName: 'Max Images per Minute', description: 'Images per minute (image models only)' },
	{ name: 'maxAudioMegabytesPerMinute', field: 'max_audio_megabytes_per_1_minute', displayName: 'Max Audio Megabytes per Minute', description: 'Audio megabytes per minute (audio models only)' },
	{ name: 'maxRequestsPerDay', field: 'max_requests_per_1_day', displayName: 'Max Requests per Day', description: 'Requests per day (models that have a daily limit only)' },
	{ name: 'batchMaxInputTokensPerDay', field: 'batch_1_day_max_input_tokens', displayName: 'Max Batch Input Tokens per Day', description: 'Input tokens queued in batches per day (models that take batches only)' },
];

const properties: INodeProperties[] = [
	{ ...projectLocator, description: 'The project whose rate limit to change' },
	rateLimitLocator,
	collectionProperty(
		{
			displayName: 'Limits',
			name: 'limits',
			placeholder: 'Add Limit',
			description:
				"The limits to set; the others stay as they are. Each is a whole number of at least 1 and at most the organization's own limit for the model.",
		},
		LIMIT_FIELDS.map(({ name, displayName, description }) => ({
			displayName,
			name,
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			description: `${description}. At most the organization's limit for the model.`,
		})),
	),
];

export const description = updateDisplayOptions({ show: { resource: ['rateLimit'], operation: ['update'] } }, properties);

/** The request body, checked against the contract (integers) and OpenAI's rule (at least 1) before any request. */
function readLimits(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const given = this.getNodeParameter('limits', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	for (const { name, field, displayName } of LIMIT_FIELDS) {
		const value = given[name];
		if (value === undefined || value === null || value === '') continue;
		const number = typeof value === 'string' ? Number(value.trim()) : value;
		if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
			throw new NodeOperationError(this.getNode(), `"${displayName}" must be a whole number of at least 1, not ${JSON.stringify(value)}`, {
				itemIndex,
				description: `OpenAI takes whole numbers only. Enter e.g. 500, or remove "${displayName}" to leave it as it is. To stop a project from using a model, use Model Permissions instead.`,
			});
		}
		body[field] = number;
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), '"Limits" is empty: nothing to change', {
			itemIndex,
			description: 'Add at least one limit, e.g. "Max Requests per Minute".',
		});
	}
	return body;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const choice = getRateLimitChoice.call(this, itemIndex);
	const body = readLimits.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		const rateLimitId = await resolveRateLimitId.call(this, choice, projectId, itemIndex, limits);
		// Setting a limit to a value is idempotent, so it may be retried like a read.
		const response = await openAiRequest.call(this, {
			method: 'POST',
			path: `${rateLimitsPath(projectId)}/${encodeURIComponent(rateLimitId)}`,
			body,
			itemIndex,
			subject: `rate limit ${rateLimitId} of project ${projectId}`,
			...limits,
		});
		return [{ project_id: projectId, ...(response.body as IDataObject) }];
	};
	return { send };
}
