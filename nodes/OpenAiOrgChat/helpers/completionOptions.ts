import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ChatMessage } from './messages';

const RESPONSE_FORMATS = ['text', 'json_object', 'json_schema'] as const;
const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high'] as const;
export const SERVICE_TIERS = ['auto', 'default', 'flex', 'priority'] as const;
const MAX_STOP_SEQUENCES = 4;
/** The Responses API refuses a smaller max_output_tokens. */
const MIN_OUTPUT_TOKENS = 16;
const MAX_METADATA_KEYS = 16;

/** Which OpenAI API a completion goes to: the same options, named as each API names them. */
export type CompletionApi = 'chatCompletions' | 'responses';

interface RawOptions {
	temperature?: unknown;
	topP?: unknown;
	maxCompletionTokens?: unknown;
	responseFormat?: unknown;
	seed?: unknown;
	stop?: unknown;
	user?: unknown;
	reasoningEffort?: unknown;
	jsonSchema?: unknown;
	schemaName?: unknown;
	serviceTier?: unknown;
	store?: unknown;
	metadata?: unknown;
}

export interface CompletionSettings {
	/** Fields added to the request body as OpenAI names them. */
	body: IDataObject;
	jsonMode: boolean;
}

function isSet(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

function numberIn(value: unknown, min: number, max: number): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) && number >= min && number <= max
		? number
		: undefined;
}

/** One stop sequence as text, or up to four as an array (or its JSON text). */
function readStop(value: unknown): string[] | undefined {
	if (Array.isArray(value))
		return value.every((entry) => typeof entry === 'string') ? (value as string[]) : undefined;
	if (typeof value !== 'string') return undefined;
	if (value.trim().startsWith('[')) {
		try {
			return readStop(JSON.parse(value));
		} catch {
			return undefined;
		}
	}
	return [value];
}

type Problem = { problem: string; description?: string };

/** A JSON schema for structured output: an object schema, given as JSON text or as an object. */
function readJsonSchema(value: unknown): IDataObject | undefined {
	let schema = value;
	if (typeof value === 'string') {
		try {
			schema = JSON.parse(value) as unknown;
		} catch {
			return undefined;
		}
	}
	const isObject = typeof schema === 'object' && schema !== null && !Array.isArray(schema);
	return isObject && (schema as IDataObject).type === 'object' ? (schema as IDataObject) : undefined;
}

/** Up to 16 pairs of text, as a JSON object (text or object); keys up to 64 characters, values up to 512. */
function readMetadata(value: unknown): IDataObject | undefined {
	let metadata = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return {};
		try {
			metadata = JSON.parse(value) as unknown;
		} catch {
			return undefined;
		}
	}
	if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return undefined;
	const entries = Object.entries(metadata);
	const fits = ([key, text]: [string, unknown]) => key.length <= 64 && typeof text === 'string' && text.length <= 512;
	return entries.length <= MAX_METADATA_KEYS && entries.every(fits) ? (metadata as IDataObject) : undefined;
}

/** Structured output, as each API asks for it. */
function formatField(api: CompletionApi, format: IDataObject): IDataObject {
	if (api === 'responses') return { text: { format } };
	if (format.type !== 'json_schema') return { response_format: format };
	const { type, ...jsonSchema } = format;
	return { response_format: { type, json_schema: jsonSchema } };
}

/** Options only Chat Completions has: set in Responses mode they would be dropped silently, so they are refused. */
function chatOnlyOption(options: RawOptions): string | undefined {
	if (isSet(options.seed)) return 'Seed';
	if (isSet(options.stop)) return 'Stop Sequences';
	return undefined;
}

/** Checks the options and turns them into request fields; answers the first problem as a sentence. */
export function checkCompletionOptions(
	options: RawOptions,
	messages: ChatMessage[],
	api: CompletionApi = 'chatCompletions',
	instructions = '',
): CompletionSettings | Problem {
	const body: IDataObject = {};
	const chatOnly = api === 'responses' ? chatOnlyOption(options) : undefined;
	if (chatOnly) {
		return {
			problem: `"${chatOnly}" is an option of Chat Completions; the Responses API has none`,
			description: `Remove "${chatOnly}" from the options, or set "API" to Chat Completions.`,
		};
	}
	if (isSet(options.temperature)) {
		const temperature = numberIn(options.temperature, 0, 2);
		if (temperature === undefined)
			return {
				problem: `"Temperature" must be between 0 and 2, not ${String(options.temperature)}`,
			};
		body.temperature = temperature;
	}
	if (isSet(options.topP)) {
		const topP = numberIn(options.topP, 0, 1);
		if (topP === undefined)
			return { problem: `"Top P" must be between 0 and 1, not ${String(options.topP)}` };
		body.top_p = topP;
	}
	if (isSet(options.maxCompletionTokens)) {
		const max = numberIn(options.maxCompletionTokens, 1, Number.MAX_SAFE_INTEGER);
		if (max === undefined || !Number.isInteger(max)) {
			return {
				problem: `"Max Completion Tokens" must be a whole number of at least 1, not ${String(options.maxCompletionTokens)}`,
			};
		}
		if (api === 'responses' && max < MIN_OUTPUT_TOKENS) {
			return { problem: `"Max Completion Tokens" must be at least ${MIN_OUTPUT_TOKENS} for the Responses API, not ${max}` };
		}
		body[api === 'responses' ? 'max_output_tokens' : 'max_completion_tokens'] = max;
	}
	if (isSet(options.seed)) {
		const seed = numberIn(options.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
		if (seed === undefined || !Number.isInteger(seed))
			return { problem: `"Seed" must be a whole number, not ${String(options.seed)}` };
		body.seed = seed;
	}
	if (isSet(options.stop)) {
		const stop = readStop(options.stop);
		if (
			!stop ||
			stop.length === 0 ||
			stop.length > MAX_STOP_SEQUENCES ||
			stop.some((entry) => entry === '')
		) {
			return {
				problem: `"Stop Sequences" must be one text or an array of 1 to ${MAX_STOP_SEQUENCES} non-empty texts`,
				description: 'For several sequences use a JSON array, e.g. ["END", "\\n\\n"].',
			};
		}
		body.stop = stop;
	}
	if (isSet(options.user)) {
		if (typeof options.user !== 'string')
			return { problem: `"User" must be text, not ${typeof options.user}` };
		body.user = options.user;
	}
	if (isSet(options.reasoningEffort)) {
		if (!(REASONING_EFFORTS as readonly unknown[]).includes(options.reasoningEffort)) {
			return {
				problem: `"Reasoning Effort" must be one of ${REASONING_EFFORTS.join(', ')}, not "${String(options.reasoningEffort)}"`,
			};
		}
		if (api === 'responses') body.reasoning = { effort: options.reasoningEffort as string };
		else body.reasoning_effort = options.reasoningEffort as string;
	}
	if (isSet(options.serviceTier)) {
		if (!(SERVICE_TIERS as readonly unknown[]).includes(options.serviceTier)) {
			return { problem: `"Service Tier" must be one of ${SERVICE_TIERS.join(', ')}, not "${String(options.serviceTier)}"` };
		}
		body.service_tier = options.serviceTier as string;
	}
	if (isSet(options.store)) {
		if (typeof options.store !== 'boolean') return { problem: `"Store" must be true or false, not ${String(options.store)}` };
		body.store = options.store;
	}
	if (isSet(options.metadata)) {
		const metadata = readMetadata(options.metadata);
		if (!metadata) {
			return {
				problem: '"Metadata" must be a JSON object of up to 16 texts, e.g. {"team": "support"}',
				description: 'Keys hold up to 64 characters, values up to 512, and every value is text.',
			};
		}
		if (Object.keys(metadata).length) body.metadata = metadata;
	}
	const format = readFormat(options, messages, api, instructions);
	if ('problem' in format) return format;
	return { body: { ...body, ...format.fields }, jsonMode: format.jsonMode };
}

function readFormat(
	options: RawOptions,
	messages: ChatMessage[],
	api: CompletionApi,
	instructions: string,
): { fields: IDataObject; jsonMode: boolean } | Problem {
	const format = isSet(options.responseFormat) ? options.responseFormat : 'text';
	if (!(RESPONSE_FORMATS as readonly unknown[]).includes(format)) {
		return { problem: `"Response Format" must be text, json_object or json_schema, not "${String(format)}"` };
	}
	if (format === 'text') return { fields: {}, jsonMode: false };
	if (format === 'json_schema') {
		const schema = readJsonSchema(options.jsonSchema);
		if (!schema) {
			return {
				problem: '"JSON Schema" must be a JSON schema of an object, e.g. {"type": "object", "properties": {…}}',
				description: 'The answer follows this schema. Its root must have "type": "object".',
			};
		}
		const name = isSet(options.schemaName) ? String(options.schemaName) : 'answer';
		if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
			return { problem: `"Schema Name" may hold only letters, digits, _ and - (up to 64), not "${name}"` };
		}
		return { fields: formatField(api, { type: 'json_schema', name, schema, strict: true }), jsonMode: true };
	}
	const texts = [instructions, ...messages.map((message) => message.content)];
	if (!texts.some((text) => /json/i.test(text))) {
		return {
			problem: '"Response Format" is JSON, but no message contains the word "JSON"',
			description:
				'OpenAI refuses JSON mode unless the conversation asks for JSON. Add e.g. "Answer in JSON." to the system or user message.',
		};
	}
	return { fields: formatField(api, { type: 'json_object' }), jsonMode: true };
}

export function readCompletionOptions(
	this: IExecuteFunctions,
	itemIndex: number,
	messages: ChatMessage[],
	api: CompletionApi = 'chatCompletions',
	instructions = '',
): CompletionSettings {
	const options = this.getNodeParameter('options', itemIndex, {}) as RawOptions;
	const checked = checkCompletionOptions(options, messages, api, instructions);
	if ('problem' in checked) {
		throw new NodeOperationError(this.getNode(), checked.problem, {
			itemIndex,
			description:
				checked.description ?? 'Correct the option in the node. Nothing was sent to OpenAI.',
		});
	}
	return checked;
}
