import { isObject, nowSeconds, queryValue, type Handler, type World } from '../context';
import type { Caller } from '../auth';
import * as E from '../errors';
import { visibleModel } from '../fineTunedModels';
import { answerForSchema, readMetadata, readOutputSchema, servedTier } from '../modelRequests';
import type { OutputSchema } from '../modelRequests';
import { randomHex } from '../random';
import type { StoredObject } from '../types';
import { countTokens } from './chatCompletions';
import { listPage, readLimit } from './files';

/**
 * The Responses API (POST /responses, GET and DELETE /responses/{id}, POST /responses/{id}/cancel, GET
 * /responses/{id}/input_items). The model answers "Echo (<model>): <last user input>", and with
 * `previous_response_id` adds " (earlier: <earlier user inputs>)", so that a test sees the stored conversation was
 * used. A response is stored unless `store: false`; only its own project sees it. With `background: true` (which
 * needs `store`) it is answered `queued` and moves queued → in_progress → completed (or failed) on the background
 * clock (state.backgroundRules); only such a response can be cancelled, and only before it finished.
 */

const INPUT_ROLES = ['system', 'developer', 'user', 'assistant'];
const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'];

interface Turn {
	role: string;
	content: string;
}

interface ResponseRequest {
	model: string;
	input: Turn[];
	instructions: string | null;
	previous?: StoredObject;
	store: boolean;
	effort: string | null;
	outputSchema?: OutputSchema;
	serviceTier: string;
	maxOutputTokens: number | null;
	metadata: Record<string, string>;
	temperature: number;
	topP: number;
	background: boolean;
}

export const createResponse: Handler = ({ world, caller, body }) => {
	const request = readResponseRequest(world, caller, body);
	const conversation = [...(request.previous?.conversation ?? []), ...request.input];
	const text = answerText(request, conversation);
	const words = text.split(/\s+/).filter(Boolean);
	const cut = request.maxOutputTokens !== null && words.length > request.maxOutputTokens;
	const output = cut ? words.slice(0, request.maxOutputTokens ?? 0).join(' ') : text;
	const inputTokens = conversation.reduce((sum, turn) => sum + countTokens(turn.content) + 4, countTokens(request.instructions ?? ''));
	const outputTokens = countTokens(output);
	const id = `resp_${randomHex(world.random, 48)}`;
	const created = nowSeconds(world);
	const response = {
		id,
		object: 'response',
		created_at: created,
		status: cut ? 'incomplete' : 'completed',
		completed_at: cut ? null : created,
		error: null,
		incomplete_details: cut ? { reason: 'max_output_tokens' } : null,
		instructions: request.instructions,
		max_output_tokens: request.maxOutputTokens,
		model: request.model,
		background: request.background,
		output: [
			{
				type: 'message',
				id: `msg_${randomHex(world.random, 48)}`,
				status: cut ? 'incomplete' : 'completed',
				role: 'assistant',
				content: [{ type: 'output_text', text: output, annotations: [], logprobs: [] }],
			},
		],
		parallel_tool_calls: true,
		previous_response_id: request.previous ? String(request.previous.body.id) : null,
		reasoning: { effort: request.effort, summary: null },
		service_tier: request.serviceTier,
		store: request.store,
		temperature: request.temperature,
		text: { format: request.outputSchema ? { type: 'json_schema', ...request.outputSchema, strict: true } : { type: 'text' } },
		tool_choice: 'auto',
		tools: [],
		top_p: request.topP,
		truncation: 'disabled',
		usage: {
			input_tokens: inputTokens,
			input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
			output_tokens: outputTokens,
			output_tokens_details: { reasoning_tokens: 0 },
			total_tokens: inputTokens + outputTokens,
		},
		metadata: request.metadata,
	};
	world.state.chatCompletions.push({
		id,
		model: request.model,
		organizationId: caller.organizationId,
		projectId: caller.projectId ?? '',
		keyFingerprint: caller.keyFingerprint,
		promptTokens: inputTokens,
		completionTokens: outputTokens,
		created,
	});
	const stored: StoredObject = {
		organizationId: caller.organizationId,
		projectId: caller.projectId ?? '',
		body: request.background ? queuedBody(response) : response,
		conversation: [...conversation, { role: 'assistant', content: output }],
		inputItems: request.input.map((turn) => inputItem(world, turn)),
		...(request.background ? { background: { queuedAt: backgroundNow(world), outcome: world.state.backgroundRules.outcome, final: response } } : {}),
	};
	if (request.store) world.state.storedResponses.push(stored);
	return {
		body: stored.body,
		headers: { 'openai-organization': caller.organizationId, 'openai-project': caller.projectId ?? '' },
	};
};

export const getResponse: Handler = ({ world, caller, params }) => ({
	body: advance(world, storedResponse(world, caller, params.response_id, 'response_id', 404)).body,
});

/**
 * POST /responses/{id}/cancel: a queued or running background response is cancelled at once; cancelling it again
 * answers it as it is. A response created without `background` cannot be cancelled, nor one that finished.
 */
export const cancelResponse: Handler = ({ world, caller, params }) => {
	const stored = advance(world, storedResponse(world, caller, params.response_id, 'response_id', 404));
	if (!stored.background) {
		throw new E.OpenAiError(400, 'Only responses created with background=true can be cancelled.', 'invalid_request_error', null, 'response_id');
	}
	const status = String(stored.body.status);
	if (status === 'queued' || status === 'in_progress') {
		stored.body = { ...stored.body, status: 'cancelled' };
		stored.background.cancelled = true;
	} else if (status !== 'cancelled') {
		throw new E.OpenAiError(400, `Cannot cancel a response with status '${status}'.`, 'invalid_request_error', null, 'response_id');
	}
	return { body: stored.body };
};

/** GET /responses/{id}/input_items: the request's own input, newest first unless `order=asc`, `after` an item ID. */
export const listInputItems: Handler = ({ world, caller, params, query }) => {
	const stored = storedResponse(world, caller, params.response_id, 'response_id', 404);
	const order = queryValue(query, 'order') ?? 'desc';
	if (order !== 'asc' && order !== 'desc') throw E.invalidValue('order', `'${order}' is not one of 'asc', 'desc'.`);
	const items = [...(stored.inputItems ?? [])] as Array<Record<string, unknown> & { id: string }>;
	if (order === 'desc') items.reverse();
	const after = queryValue(query, 'after');
	if (after !== undefined && !items.some((item) => item.id === after)) {
		throw E.invalidValue('after', `No input item found with id '${after}'.`);
	}
	return { body: listPage(items, after, readLimit(queryValue(query, 'limit'), 100, 20), true) };
};

export const deleteResponse: Handler = ({ world, caller, params }) => {
	const stored = storedResponse(world, caller, params.response_id, 'response_id', 404);
	world.state.storedResponses = world.state.storedResponses.filter((entry) => entry !== stored);
	return { body: { id: params.response_id, object: 'response', deleted: true } };
};

/** Background time: the server's clock moved on by the tests' offset (state.backgroundRules.clockOffsetSeconds). */
function backgroundNow(world: World): number {
	return nowSeconds(world) + world.state.backgroundRules.clockOffsetSeconds;
}

/** A background response as its create answer shows it: queued, no output and no usage yet. */
function queuedBody(response: Record<string, unknown>): Record<string, unknown> {
	// OpenAI's own example answers `usage: null`; the contract's ResponseUsage is no nullable object, so it is left out.
	const queued: Record<string, unknown> = { ...response, status: 'queued', completed_at: null, incomplete_details: null, output: [] };
	delete queued.usage;
	return queued;
}

/** Moves a background response on along the background clock: queued → in_progress → completed or failed. */
function advance(world: World, stored: StoredObject): StoredObject {
	const run = stored.background;
	if (!run || run.cancelled) return stored;
	const rules = world.state.backgroundRules;
	const now = backgroundNow(world);
	if (stored.body.status === 'queued' && now >= run.queuedAt + rules.queuedSeconds) {
		run.inProgressAt = run.queuedAt + rules.queuedSeconds;
		stored.body = { ...stored.body, status: 'in_progress' };
	}
	if (stored.body.status === 'in_progress' && now >= (run.inProgressAt ?? now) + rules.inProgressSeconds) {
		const endsAt = (run.inProgressAt ?? now) + rules.inProgressSeconds;
		stored.body =
			run.outcome === 'failed'
				? { ...stored.body, status: 'failed', error: { code: 'server_error', message: 'The model failed to generate a response.' } }
				: { ...run.final, completed_at: run.final.status === 'completed' ? endsAt : null };
	}
	return stored;
}

/** One input turn as the input_items list shows it: a message with its own id; an earlier answer as an output message. */
function inputItem(world: World, turn: Turn): Record<string, unknown> {
	const id = `msg_${randomHex(world.random, 48)}`;
	if (turn.role === 'assistant') {
		return { id, type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: turn.content, annotations: [], logprobs: [] }] };
	}
	return { id, type: 'message', role: turn.role, status: 'completed', content: [{ type: 'input_text', text: turn.content }] };
}

function storedResponse(world: World, caller: Caller, id: string, param: string, status: 400 | 404): StoredObject {
	const found = world.state.storedResponses.find(
		(entry) => entry.body.id === id && entry.organizationId === caller.organizationId && entry.projectId === (caller.projectId ?? ''),
	);
	if (found) return found;
	if (status === 400) {
		throw new E.OpenAiError(400, `Previous response with id '${id}' not found.`, 'invalid_request_error', 'previous_response_not_found', param);
	}
	throw new E.OpenAiError(404, `No response found with id '${id}'.`, 'invalid_request_error', null, param);
}

function answerText(request: ResponseRequest, conversation: Turn[]): string {
	const users = conversation.filter((turn) => turn.role === 'user').map((turn) => turn.content);
	const last = users[users.length - 1] ?? '';
	if (request.outputSchema) return JSON.stringify(answerForSchema(request.outputSchema.schema, last));
	const earlier = request.previous ? users.slice(0, -1) : [];
	return `Echo (${request.model}): ${last}${earlier.length ? ` (earlier: ${earlier.join(' | ')})` : ''}`;
}

function readResponseRequest(world: World, caller: Caller, body: unknown): ResponseRequest {
	if (!isObject(body)) throw E.invalidType('body', 'an object', body);
	if (typeof body.model !== 'string' || body.model === '') throw E.missingParameter('model');
	const known = visibleModel(world, caller, body.model);
	if (!known) throw E.modelNotFound(body.model);
	if (!known.chat) throw E.invalidValue('model', `the model '${body.model}' does not support the Responses API.`);
	const previousId = body.previous_response_id;
	if (previousId !== undefined && previousId !== null && typeof previousId !== 'string') {
		throw E.invalidType('previous_response_id', 'a string', previousId);
	}
	const instructions = body.instructions ?? null;
	if (instructions !== null && typeof instructions !== 'string') throw E.invalidType('instructions', 'a string', instructions);
	if (body.store !== undefined && body.store !== null && typeof body.store !== 'boolean') throw E.invalidType('store', 'a boolean', body.store);
	if (body.background !== undefined && body.background !== null && typeof body.background !== 'boolean') {
		throw E.invalidType('background', 'a boolean', body.background);
	}
	if (body.background === true && body.store === false) {
		throw E.invalidValue('background', 'background mode requires store=true.');
	}
	return {
		model: body.model,
		input: readInput(body.input),
		instructions,
		previous: typeof previousId === 'string' ? storedResponse(world, caller, previousId, 'previous_response_id', 400) : undefined,
		store: body.store !== false,
		effort: readEffort(body.reasoning),
		outputSchema: readTextFormat(body.text),
		serviceTier: servedTier(body.service_tier),
		maxOutputTokens: readMaxOutputTokens(body.max_output_tokens),
		metadata: readMetadata(body.metadata),
		temperature: typeof body.temperature === 'number' ? body.temperature : 1,
		topP: typeof body.top_p === 'number' ? body.top_p : 1,
		background: body.background === true,
	};
}

/** A text, or a list of {role, content} messages whose content is a text or input_text parts. */
function readInput(input: unknown): Turn[] {
	if (input === undefined || input === null) throw E.missingParameter('input');
	if (typeof input === 'string') return [{ role: 'user', content: input }];
	if (!Array.isArray(input)) throw E.invalidType('input', 'a string or an array', input);
	if (input.length === 0) throw E.invalidValue('input', 'expected at least one input item.');
	return input.map((item, index) => {
		const param = `input[${index}]`;
		if (!isObject(item)) throw E.invalidType(param, 'an object', item);
		if (typeof item.role !== 'string' || !INPUT_ROLES.includes(item.role)) {
			throw E.invalidValue(`${param}.role`, `'${String(item.role)}' is not one of ${INPUT_ROLES.map((role) => `'${role}'`).join(', ')}.`);
		}
		if (typeof item.content === 'string') return { role: item.role, content: item.content };
		if (Array.isArray(item.content)) {
			const text = item.content.map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : '')).join('\n');
			return { role: item.role, content: text };
		}
		throw E.invalidType(`${param}.content`, 'a string or an array', item.content);
	});
}

function readEffort(reasoning: unknown): string | null {
	if (reasoning === undefined || reasoning === null) return null;
	if (!isObject(reasoning)) throw E.invalidType('reasoning', 'an object', reasoning);
	if (reasoning.effort === undefined || reasoning.effort === null) return null;
	if (typeof reasoning.effort !== 'string' || !REASONING_EFFORTS.includes(reasoning.effort)) {
		throw E.invalidValue('reasoning.effort', `'${String(reasoning.effort)}' is not one of ${REASONING_EFFORTS.join(', ')}.`);
	}
	return reasoning.effort;
}

function readTextFormat(text: unknown): OutputSchema | undefined {
	if (text === undefined || text === null) return undefined;
	if (!isObject(text)) throw E.invalidType('text', 'an object', text);
	const format = text.format;
	if (format === undefined || format === null) return undefined;
	if (!isObject(format) || !['text', 'json_schema', 'json_object'].includes(String(format.type))) {
		throw E.invalidValue('text.format.type', "expected one of 'text', 'json_schema', 'json_object'.");
	}
	return format.type === 'json_schema' ? readOutputSchema(format, 'text.format') : undefined;
}

function readMaxOutputTokens(value: unknown): number | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'number' || !Number.isInteger(value)) throw E.invalidType('max_output_tokens', 'an integer', value);
	if (value < 16) throw E.integerOutOfRange('max_output_tokens', 16, 1_000_000, value);
	return value;
}
