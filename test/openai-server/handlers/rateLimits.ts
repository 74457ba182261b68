import { type Handler } from '../context';
import * as E from '../errors';
import { RATE_LIMIT_FIELDS, type ProjectRateLimitRecord } from '../projectControls';
import { changeControls, cursorPage, readControls, requireBody } from './controlsCommon';

function rateLimitJson(rateLimit: ProjectRateLimitRecord) {
	return { object: 'project.rate_limit', id: rateLimit.id, model: rateLimit.model, ...rateLimit.limits };
}

/** GET /organization/projects/{project_id}/rate_limits: one per model, 100 a page unless asked otherwise. */
export const listProjectRateLimits: Handler = (context) => {
	const { controls } = readControls(context);
	const page = cursorPage(context, controls.rateLimits, { defaultLimit: 100, minLimit: 1, maxLimit: 100 });
	return { body: { ...page, data: page.data.map(rateLimitJson) } };
};

// ours: OpenAI's texts for these refusals are not verified.
const rateLimitNotFound = (id: string) =>
	new E.OpenAiError(404, `No rate limit found with id '${id}'.`, 'invalid_request_error', 'not_found', 'rate_limit_id');

/**
 * POST /organization/projects/{project_id}/rate_limits/{rate_limit_id}: every field given must be a whole number
 * of at least 1, be one the model has, and stay at or under the organization's limit for the model.
 */
export const updateProjectRateLimit: Handler = (context) => {
	const { controls } = changeControls(context);
	const rateLimit = controls.rateLimits.find((candidate) => candidate.id === context.params.rate_limit_id);
	if (!rateLimit) throw rateLimitNotFound(context.params.rate_limit_id);
	const body = requireBody(context.body ?? {});
	const changes: Array<[(typeof RATE_LIMIT_FIELDS)[number], number]> = [];
	for (const [field, value] of Object.entries(body)) {
		const known = RATE_LIMIT_FIELDS.find((name) => name === field);
		if (!known) throw E.invalidValue(field, 'unknown parameter.');
		if (typeof value !== 'number' || !Number.isInteger(value)) throw E.invalidType(field, 'an integer', value);
		const ceiling = rateLimit.ceiling[known];
		if (ceiling === undefined)
			throw E.invalidValue(field, `the model ${rateLimit.model} has no such limit.`);
		if (value < 1) throw E.integerOutOfRange(field, 1, ceiling, value);
		if (value > ceiling)
			throw E.invalidValue(
				field,
				`a project's limit cannot be higher than the organization's limit for ${rateLimit.model} (${ceiling}), but got ${value}.`,
			);
		changes.push([known, value]);
	}
	for (const [field, value] of changes) rateLimit.limits[field] = value;
	return { body: rateLimitJson(rateLimit) };
};
