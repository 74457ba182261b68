import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runScoped } from '../../shared/execution/runScoped';
import { listLocator } from '../../shared/parameters/locators';
import type { RequestLimits } from '../../shared/execution/requestOptions';
import { listPages } from '../../shared/transport';
import { projectPath } from './inProject';

export interface RateLimit extends IDataObject {
	id: string;
	model: string;
}

/** "Rate Limit": a model's limit in the project, picked from its list, given by ID or by model name. */
export const rateLimitLocator: INodeProperties = listLocator({
	displayName: 'Rate Limit',
	name: 'rateLimitId',
	description: 'The model whose limits to change in this project (each model has one rate limit per project)',
	searchListMethod: 'searchRateLimits',
	modes: [
		{ displayName: 'By Model Name', name: 'model', type: 'string', placeholder: 'gpt-4o' },
		{ displayName: 'ID', name: 'id', type: 'string', placeholder: 'rl-gpt-4o' },
	],
});

export const RATE_LIMITS = 'rate_limits';
export const rateLimitsPath = (projectId: string) => projectPath(projectId, RATE_LIMITS);

/** Every rate limit of a project, read once per run and shared by its items. */
export async function listRateLimits(
	this: IExecuteFunctions,
	projectId: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<RateLimit[]> {
	return await runScoped(this, `rate limits ${projectId}`, async () => {
		const all: RateLimit[] = [];
		for await (const page of listPages.call(this, { path: rateLimitsPath(projectId), itemIndex, ...limits }))
			all.push(...(page as RateLimit[]));
		return all;
	});
}

export interface RateLimitChoice {
	by: 'id' | 'model';
	value: string;
}

/** The "Rate Limit" locator, checked before any request. */
export function getRateLimitChoice(this: IExecuteFunctions, itemIndex: number): RateLimitChoice {
	const locator = this.getNodeParameter('rateLimitId', itemIndex, {}) as { mode?: string; value?: unknown };
	const value = String(locator.value ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), '"Rate Limit" is empty: pick a model from the list or enter its name', {
			itemIndex,
		});
	}
	return { by: locator.mode === 'model' ? 'model' : 'id', value };
}

/** The rate limit's ID: as given, or found by model name in the project's list. */
export async function resolveRateLimitId(
	this: IExecuteFunctions,
	choice: RateLimitChoice,
	projectId: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<string> {
	if (choice.by === 'id') return choice.value;
	const all = await listRateLimits.call(this, projectId, itemIndex, limits);
	const found = all.find((rateLimit) => rateLimit.model.toLowerCase() === choice.value.toLowerCase());
	if (!found) {
		throw new NodeOperationError(this.getNode(), `Project ${projectId} has no rate limit for the model "${choice.value}"`, {
			itemIndex,
			description: `Pick the model from the list, or use one of the project's models: ${all
				.map((rateLimit) => rateLimit.model)
				.slice(0, 20)
				.join(', ')}.`,
		});
	}
	return found.id;
}
