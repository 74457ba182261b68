import { type Handler } from '../context';
import * as E from '../errors';
import type { SpendLimitRecord } from '../projectControls';
import { changeControls, readControls, requireBody } from './controlsCommon';
import { refuseAboveOrganizationLimit } from '../organizationControls';

export function spendLimitJson(limit: SpendLimitRecord, object = 'project.spend_limit') {
	return {
		object,
		threshold_amount: limit.thresholdAmount,
		currency: limit.currency,
		interval: limit.interval,
		enforcement: { status: 'enforcing' },
	};
}

// ours: the contract documents no answer for a project without a hard spend limit; this server answers 404.
const noSpendLimit = (projectId: string) =>
	new E.OpenAiError(404, `Project '${projectId}' has no hard spend limit.`, 'invalid_request_error', 'not_found', null);

export const retrieveProjectSpendLimit: Handler = (context) => {
	const { project, controls } = readControls(context);
	if (!controls.spendLimit) throw noSpendLimit(project.id);
	return { body: spendLimitJson(controls.spendLimit) };
};

/** A create-or-replace body (UpdateProjectSpendLimitBody / UpdateOrganizationSpendLimitBody: the same fields). */
export function readSpendLimitBody(raw: unknown): SpendLimitRecord {
	const body = requireBody(raw);
	for (const field of ['threshold_amount', 'currency', 'interval'])
		if (body[field] === undefined || body[field] === null) throw E.missingParameter(field);
	const threshold = body.threshold_amount;
	if (typeof threshold !== 'number' || !Number.isInteger(threshold))
		throw E.invalidType('threshold_amount', 'an integer (an amount in cents)', threshold);
	if (threshold < 1) throw E.invalidValue('threshold_amount', `the amount in cents must be at least 1, but got ${threshold}.`);
	if (body.currency !== 'USD') throw E.invalidValue('currency', "expected one of 'USD'.");
	if (body.interval !== 'month') throw E.invalidValue('interval', "expected one of 'month'.");
	return { thresholdAmount: threshold, currency: 'USD', interval: 'month' };
}

/** POST …/spend_limit creates or replaces the limit: cents, at least 1, at most the organization's limit. */
export const updateProjectSpendLimit: Handler = (context) => {
	const { controls } = changeControls(context);
	const limit = readSpendLimitBody(context.body);
	refuseAboveOrganizationLimit(context, limit.thresholdAmount);
	controls.spendLimit = limit;
	return { body: spendLimitJson(controls.spendLimit) };
};

export const deleteProjectSpendLimit: Handler = (context) => {
	const { project, controls } = changeControls(context);
	if (!controls.spendLimit) throw noSpendLimit(project.id);
	controls.spendLimit = null;
	return { body: { object: 'project.spend_limit.deleted', deleted: true } };
};
