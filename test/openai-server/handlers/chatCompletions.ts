import { isObject, nowSeconds, type Handler } from '../context';
import * as E from '../errors';
import { visibleModel } from '../fineTunedModels';
import { answerForSchema, readMetadata, readOutputSchema, servedTier } from '../modelRequests';
import type { OutputSchema } from '../modelRequests';
import { randomAlphanumeric, randomHex, randomFromKey } from '../random';
import { toolTurn, toolTurnChoice } from './toolCalls';

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool'];
const MAX_CHOICES = 128;

interface ChatMessage {
	role: string;
	content: string;
}

interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	n: number;
	maxCompletionTokens?: number;
	jsonObject: boolean;
	/** structured output: the answer follows this schema */
	outputSchema?: OutputSchema;
	seed?: number;
	serviceTier: string;
	store: boolean;
	metadata: Record<string, string>;
}

/** Answers "Echo (<model>): <last user message>", so that tests can predict every answer. */
export const createChatCompletion: Handler = (context) => {
	const { world, caller } = context;
	const request = readChatRequest(context.body, (model) => visibleModel(world, caller, model));
	const created = nowSeconds(world);
	// Offered tools, the model calls one (or answers from what a tool returned): an AI Agent's round trip.
	const turn = isObject(context.body) ? toolTurn(context.body, world.random) : undefined;
	const choices = turn
		? [{ ...toolTurnChoice(turn), content: '' }]
		: Array.from({ length: request.n }, (_, index) => answerChoice(request, index));
	const promptTokens = request.messages.reduce(
		(sum, message) => sum + countTokens(message.content) + 4,
		3,
	);
	const completionTokens = choices.reduce((sum, choice) => sum + choice.tokens, 0);
	const id = `chatcmpl-${randomAlphanumeric(world.random, 29)}`;

	world.state.chatCompletions.push({
		id,
		model: request.model,
		organizationId: caller.organizationId,
		projectId: caller.projectId ?? '',
		keyFingerprint: caller.keyFingerprint,
		promptTokens,
		completionTokens,
		created,
	});

	const completion = {
			id,
			object: 'chat.completion',
			created,
			model: request.model,
			choices: choices.map((choice, index) => ({
				index,
				message:
					'message' in choice ? choice.message : { role: 'assistant', content: choice.content, refusal: null, annotations: [] },
				logprobs: null,
				finish_reason: choice.finishReason,
			})),
			usage: {
				prompt_tokens: promptTokens,
				completion_tokens: completionTokens,
				total_tokens: promptTokens + completionTokens,
				prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
				completion_tokens_details: {
					reasoning_tokens: 0,
					audio_tokens: 0,
					accepted_prediction_tokens: 0,
					rejected_prediction_tokens: 0,
				},
			},
			service_tier: request.serviceTier,
			system_fingerprint: `fp_${randomHex(randomFromKey(request.model, request.seed ?? 'none'), 10)}`,
	};
	// Kept for GET /chat/completions: only with `store: true`, and only its own project sees it.
	if (request.store) {
		world.state.storedChatCompletions.push({
			organizationId: caller.organizationId,
			projectId: caller.projectId ?? '',
			body: { ...completion, metadata: request.metadata },
		});
	}
	return {
		body: completion,
		headers: {
			'openai-organization': caller.organizationId,
			'openai-project': caller.projectId ?? '',
		},
	};
};

function answerChoice(request: ChatRequest, index: number) {
	const lastUser =
		[...request.messages].reverse().find((message) => message.role === 'user')?.content ?? '';
	const label = index === 0 ? `Echo (${request.model})` : `Echo (${request.model}) #${index + 1}`;
	const full = request.outputSchema
		? JSON.stringify(answerForSchema(request.outputSchema.schema, lastUser))
		: request.jsonObject
			? JSON.stringify({ model: request.model, choice: index + 1, echo: lastUser })
			: `${label}: ${lastUser}`;
	const words = full.split(/\s+/).filter(Boolean);
	const limit = request.maxCompletionTokens;
	if (limit !== undefined && words.length > limit) {
		return {
			content: words.slice(0, limit).join(' '),
			tokens: limit,
			finishReason: 'length' as const,
		};
	}
	return { content: full, tokens: words.length, finishReason: 'stop' as const };
}

/** One token per whitespace-separated word: crude, but stable and easy to assert. */
export function countTokens(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}

type ModelLookup = (model: string) => { chat: boolean } | undefined;

function readChatRequest(body: unknown, lookUp: ModelLookup): ChatRequest {
	if (!isObject(body)) throw E.invalidType('body', 'an object', body);
	const model = readModel(body.model, lookUp);
	const messages = readMessages(body.messages);
	const n = readOptionalInteger(body.n, 'n', 1, MAX_CHOICES) ?? 1;
	const maxCompletionTokens =
		readOptionalInteger(body.max_completion_tokens, 'max_completion_tokens', 1, 1_000_000) ??
		readOptionalInteger(body.max_tokens, 'max_tokens', 1, 1_000_000);
	const seed = readOptionalInteger(
		body.seed,
		'seed',
		Number.MIN_SAFE_INTEGER,
		Number.MAX_SAFE_INTEGER,
	);
	const jsonObject = readJsonObjectFormat(body.response_format, messages);
	const outputSchema = readJsonSchemaFormat(body.response_format);
	if (body.store !== undefined && body.store !== null && typeof body.store !== 'boolean') {
		throw E.invalidType('store', 'a boolean', body.store);
	}
	return {
		model,
		messages,
		n,
		maxCompletionTokens,
		jsonObject,
		outputSchema,
		seed,
		serviceTier: servedTier(body.service_tier),
		store: body.store === true,
		metadata: readMetadata(body.metadata),
	};
}

function readModel(model: unknown, lookUp: ModelLookup): string {
	if (model === undefined || model === null || model === '') {
		throw new E.OpenAiError(400, 'you must provide a model parameter', 'invalid_request_error');
	}
	if (typeof model !== 'string') throw E.invalidType('model', 'a string', model);
	const known = lookUp(model);
	if (!known) throw E.modelNotFound(model);
	if (!known.chat) throw E.notAChatModel();
	return model;
}

function readMessages(messages: unknown): ChatMessage[] {
	if (messages === undefined) throw E.missingParameter('messages');
	if (!Array.isArray(messages)) throw E.invalidType('messages', 'an array', messages);
	if (messages.length === 0) {
		throw new E.OpenAiError(
			400,
			"Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
			'invalid_request_error',
			'empty_array',
			'messages',
		);
	}
	return messages.map((message, index) => readMessage(message, `messages[${index}]`));
}

function readMessage(message: unknown, param: string): ChatMessage {
	if (!isObject(message)) throw E.invalidType(param, 'an object', message);
	if (message.role === undefined) throw E.missingParameter(`${param}.role`);
	if (typeof message.role !== 'string' || !ROLES.includes(message.role)) {
		throw new E.OpenAiError(
			400,
			`Invalid value: '${String(message.role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
			'invalid_request_error',
			'invalid_value',
			`${param}.role`,
		);
	}
	const content = readContent(message.content, message.role, param);
	return { role: message.role, content };
}

function readContent(content: unknown, role: string, param: string): string {
	if (typeof content === 'string') return content;
	if ((content === undefined || content === null) && role === 'assistant') return '';
	if (content === undefined || content === null) throw E.missingParameter(`${param}.content`);
	if (Array.isArray(content)) {
		return content
			.map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : ''))
			.filter(Boolean)
			.join('\n');
	}
	throw E.invalidType(`${param}.content`, 'a string or an array', content);
}

function readOptionalInteger(
	value: unknown,
	param: string,
	min: number,
	max: number,
): number | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value))
		throw E.invalidType(param, 'an integer', value);
	if (value < min || value > max) throw E.integerOutOfRange(param, min, max, value);
	return value;
}

function readJsonObjectFormat(format: unknown, messages: ChatMessage[]): boolean {
	if (format === undefined || format === null) return false;
	if (!isObject(format) || typeof format.type !== 'string') {
		throw E.invalidType('response_format', 'an object with a type', format);
	}
	if (!['text', 'json_object', 'json_schema'].includes(format.type)) {
		throw E.invalidValue(
			'response_format.type',
			`'${format.type}' is not one of 'text', 'json_object', 'json_schema'.`,
		);
	}
	if (format.type !== 'json_object') return false;
	// OpenAI refuses json_object unless the conversation asks for JSON.
	if (!messages.some((message) => /json/i.test(message.content))) {
		throw new E.OpenAiError(
			400,
			"'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
			'invalid_request_error',
			null,
			'messages',
		);
	}
	return true;
}

/** `response_format: {type: 'json_schema', json_schema: {name, schema}}`: the answer follows the schema. */
function readJsonSchemaFormat(format: unknown): OutputSchema | undefined {
	if (!isObject(format) || format.type !== 'json_schema') return undefined;
	if (!isObject(format.json_schema)) throw E.missingParameter('response_format.json_schema');
	return readOutputSchema(format.json_schema, 'response_format.json_schema');
}
