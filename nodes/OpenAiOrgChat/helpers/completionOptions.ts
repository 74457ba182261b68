import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ChatMessage } from './messages';

const RESPONSE_FORMATS = ['text', 'json_object'] as const;
const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high'] as const;
const MAX_STOP_SEQUENCES = 4;

interface RawOptions {
	temperature?: unknown;
	topP?: unknown;
	maxCompletionTokens?: unknown;
	responseFormat?: unknown;
	seed?: unknown;
	stop?: unknown;
	user?: unknown;
	reasoningEffort?: unknown;
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

/** Checks the options and turns them into request fields; answers the first problem as a sentence. */
export function checkCompletionOptions(
	options: RawOptions,
	messages: ChatMessage[],
): CompletionSettings | { problem: string; description?: string } {
	const body: IDataObject = {};
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
		body.max_completion_tokens = max;
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
		body.reasoning_effort = options.reasoningEffort as string;
	}

	const format = isSet(options.responseFormat) ? options.responseFormat : 'text';
	if (!(RESPONSE_FORMATS as readonly unknown[]).includes(format)) {
		return { problem: `"Response Format" must be text or json_object, not "${String(format)}"` };
	}
	const jsonMode = format === 'json_object';
	if (jsonMode) {
		if (!messages.some((message) => /json/i.test(message.content))) {
			return {
				problem: '"Response Format" is JSON, but no message contains the word "JSON"',
				description:
					'OpenAI refuses JSON mode unless the conversation asks for JSON. Add e.g. "Answer in JSON." to the system or user message.',
			};
		}
		body.response_format = { type: 'json_object' };
	}
	return { body, jsonMode };
}

export function readCompletionOptions(
	this: IExecuteFunctions,
	itemIndex: number,
	messages: ChatMessage[],
): CompletionSettings {
	const options = this.getNodeParameter('options', itemIndex, {}) as RawOptions;
	const checked = checkCompletionOptions(options, messages);
	if ('problem' in checked) {
		throw new NodeOperationError(this.getNode(), checked.problem, {
			itemIndex,
			description:
				checked.description ?? 'Correct the option in the node. Nothing was sent to OpenAI.',
		});
	}
	return checked;
}
