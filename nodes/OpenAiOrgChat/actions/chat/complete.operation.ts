import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import type { OpenAiResponse } from '../../../shared/transport';
import { readCompletionOptions } from '../../helpers/completionOptions';
import type { CompletionApi, CompletionSettings } from '../../helpers/completionOptions';
import { DEFAULT_ITEMS_AT_ONCE, MAX_ITEMS_AT_ONCE } from '../../helpers/itemsAtOnce';
import { readMessages } from '../../helpers/messages';
import type { ChatMessage } from '../../helpers/messages';
import { billingFields, simplifyCompletion } from '../../helpers/output';
import type { ChatCompletion } from '../../helpers/output';
import { readableResponse, responseText, simplifyResponse } from '../../helpers/responses';
import type { ModelResponse } from '../../helpers/responses';
import { readScope, scopeFields } from '../../helpers/scope';
import { readResponseId } from '../../helpers/storedResponse';

import { describedOptions, optionsNamedAfterValues } from '../../../shared/parameters/choices';
import { optionsCollection } from '../../../shared/parameters/collections';
import { listLocator } from '../../../shared/parameters/locators';

export const properties: INodeProperties[] = [
	{
		displayName: 'API',
		name: 'api',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Chat Completions',
				value: 'chatCompletions',
				description: 'POST /chat/completions: the whole conversation is sent every time',
			},
			{
				name: 'Responses',
				value: 'responses',
				description:
					'POST /responses, which OpenAI recommends for new work: instructions, and a stored conversation continued by its response ID',
			},
		],
		default: 'chatCompletions',
	},
	listLocator({
		displayName: 'Model',
		name: 'model',
		defaultValue: 'gpt-4o-mini',
		description: 'The chat model to use; the list shows what this key can use under the chosen organization',
		searchListMethod: 'searchModels',
		modes: [{ displayName: 'ID', name: 'id', type: 'string', placeholder: 'gpt-4o-mini' }],
	}),
	{
		displayName: 'Instructions',
		name: 'instructions',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'e.g. You are a helpful assistant. Answer briefly.',
		description:
			"How the model should behave (a system message). Not carried over from a previous response: give them on every turn that needs them.",
		displayOptions: { show: { api: ['responses'] } },
	},
	{
		displayName: 'Previous Response ID',
		name: 'previousResponseId',
		type: 'string',
		default: '',
		placeholder: 'resp_…',
		description:
			'Continues the conversation of a stored response: the ID the previous turn put out (an expression reading it from the input item). Only the new messages are sent; empty starts a new conversation.',
		displayOptions: { show: { api: ['responses'] } },
	},
	{
		displayName: 'Messages Source',
		name: 'messagesSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Define Below',
				value: 'define',
				description: 'Write the conversation message by message',
			},
			{
				name: 'From JSON or Expression',
				value: 'json',
				description:
					'Take the whole messages array from JSON or an expression, e.g. a history built by earlier nodes',
			},
		],
		default: 'define',
	},
	{
		displayName: 'Messages',
		name: 'messages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Message',
		default: { values: [{ role: 'user', content: '' }] },
		displayOptions: { show: { messagesSource: ['define'] } },
		options: [
			{
				displayName: 'Message',
				name: 'values',
				values: [
					{
						displayName: 'Role',
						name: 'role',
						type: 'options',
						options: describedOptions({
							assistant: 'An earlier answer of the model',
							developer: 'Instructions for newer models',
							system: 'Instructions for the model',
							user: 'What the user says',
						}),
						default: 'user',
					},
					{
						displayName: 'Content',
						name: 'content',
						type: 'string',
						typeOptions: { rows: 2 },
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Messages (JSON)',
		name: 'messagesJson',
		type: 'json',
		default:
			'[\n  {"role": "system", "content": "You are a helpful assistant."},\n  {"role": "user", "content": "Hello"}\n]',
		description: 'An array of {role, content}; roles are system, developer, user and assistant',
		displayOptions: { show: { messagesSource: ['json'] } },
	},
	...scopeFields,
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	},
	optionsCollection([
		{
			displayName: 'Background',
			name: 'background',
			type: 'boolean',
			default: false,
			description:
				'Whether OpenAI runs the response in the background: the node puts out its ID and status (queued) at once, and Response > Get fetches the answer later. Needs "Store" on.',
			displayOptions: { show: { '/api': ['responses'] } },
		},
		{
			displayName: 'Items at Once',
			name: 'itemsAtOnce',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_ITEMS_AT_ONCE },
			default: DEFAULT_ITEMS_AT_ONCE,
			description:
				'How many items are sent to OpenAI at the same time; lower it when rate limits hit',
		},
		{
			displayName: 'JSON Schema',
			name: 'jsonSchema',
			type: 'json',
			default:
				'{\n  "type": "object",\n  "properties": {\n    "answer": {"type": "string"}\n  },\n  "required": ["answer"],\n  "additionalProperties": false\n}',
			description:
				'The schema the answer follows (strict): its root is an object, every property is required and no others are allowed',
			displayOptions: { show: { responseFormat: ['json_schema'] } },
		},
		{
			displayName: 'Max Completion Tokens',
			name: 'maxCompletionTokens',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1024,
			description:
				'The most tokens the answer may use, reasoning tokens included (the Responses API needs at least 16)',
		},
		{
			displayName: 'Metadata',
			name: 'metadata',
			type: 'json',
			default: '{}',
			description:
				'Up to 16 text values kept with a stored answer, e.g. {"team": "support"}; Chat > Get Many filters by them',
		},
		{
			displayName: 'Reasoning Effort',
			name: 'reasoningEffort',
			type: 'options',
			options: optionsNamedAfterValues(['high', 'low', 'medium', 'minimal', 'none']),
			default: 'medium',
			description: 'How hard reasoning models (o-series, gpt-5) think before answering',
		},
		{
			displayName: 'Response Format',
			name: 'responseFormat',
			type: 'options',
			options: [
				{ name: 'Text', value: 'text' },
				{
					name: 'JSON Object',
					value: 'json_object',
					description: 'The answer is parsed into the output; a message must ask for JSON',
				},
				{
					name: 'JSON Schema (Structured Output)',
					value: 'json_schema',
					description: 'The answer follows the JSON schema below and is parsed into the output',
				},
			],
			default: 'text',
		},
		{
			displayName: 'Schema Name',
			name: 'schemaName',
			type: 'string',
			default: 'answer',
			description: 'A name for the schema: letters, digits, _ and -',
			displayOptions: { show: { responseFormat: ['json_schema'] } },
		},
		{
			displayName: 'Seed',
			name: 'seed',
			type: 'number',
			default: 0,
			description: 'Asks OpenAI for repeatable answers to the same request (best effort)',
			displayOptions: { show: { '/api': ['chatCompletions'] } },
		},
		{
			displayName: 'Service Tier',
			name: 'serviceTier',
			type: 'options',
			options: [
				{ name: 'Auto', value: 'auto', description: "The project's setting (default unless changed)" },
				{ name: 'Default', value: 'default', description: 'Standard price and speed' },
				{ name: 'Flex', value: 'flex', description: 'Lower price, slower and sometimes unavailable' },
				{ name: 'Priority', value: 'priority', description: 'Faster, at a higher price' },
			],
			default: 'auto',
			description:
				'Trades price for speed. The output\'s "service_tier" says which tier actually served the item.',
		},
		{
			displayName: 'Stop Sequences',
			name: 'stop',
			type: 'string',
			default: '',
			description:
				'Text at which the answer stops; several as a JSON array, e.g. ["END", "\\n\\n"] (up to 4)',
			displayOptions: { show: { '/api': ['chatCompletions'] } },
		},
		{
			displayName: 'Store',
			name: 'store',
			type: 'boolean',
			default: true,
			description:
				"Whether OpenAI keeps the answer (Chat > Get Many lists kept chat completions; a kept response can be continued). Not set: OpenAI's default, which keeps responses and not chat completions.",
		},
		{
			displayName: 'Temperature',
			name: 'temperature',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 2, numberPrecision: 2 },
			default: 1,
			description: 'From 0 (focused) to 2 (random). Change this or Top P, not both.',
		},
		{
			displayName: 'Top P',
			name: 'topP',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
			default: 1,
			description: 'Nucleus sampling from 0 to 1. Change this or Temperature, not both.',
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			description: 'A stable ID of your end user, which helps OpenAI detect abuse',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['complete'] } }, properties);

/** The answer in JSON mode or under a JSON schema, parsed; an answer that is no JSON names why. */
function parseJsonAnswer(this: IExecuteFunctions, text: string, cut: boolean, itemIndex: number): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new NodeOperationError(this.getNode(), "OpenAI's answer in JSON mode is not valid JSON", {
			itemIndex,
			description: cut
				? 'The answer was cut off at "Max Completion Tokens": raise it.'
				: `The model answered: ${text.slice(0, 200)}`,
		});
	}
}

/** What differs between the two APIs: where the request goes, what it carries, and how its answer reads. */
interface ApiCall {
	path: string;
	body: IDataObject;
	simplify(response: OpenAiResponse<IDataObject>, parse: (text: string, cut: boolean) => unknown): IDataObject;
}

function chatCompletionsCall(model: string, messages: ChatMessage[], settings: CompletionSettings): ApiCall {
	return {
		path: '/chat/completions',
		body: { model, messages: messages as unknown as IDataObject[], ...settings.body },
		simplify(response, parse) {
			const [choice] = (response.body as ChatCompletion).choices ?? [];
			const text = choice?.message?.content ?? null;
			const content = settings.jsonMode ? parse(text ?? '', choice?.finish_reason === 'length') : text;
			return simplifyCompletion(response as OpenAiResponse<ChatCompletion>, content);
		},
	};
}

function responsesCall(
	model: string,
	messages: ChatMessage[],
	settings: CompletionSettings,
	turn: { instructions: string; previousResponseId: string },
): ApiCall {
	const body: IDataObject = { model, input: messages as unknown as IDataObject[], ...settings.body };
	if (turn.instructions) body.instructions = turn.instructions;
	if (turn.previousResponseId) body.previous_response_id = turn.previousResponseId;
	return {
		path: '/responses',
		body,
		simplify(response, parse) {
			const answer = response.body as ModelResponse;
			const { text } = responseText(answer);
			const content = settings.jsonMode ? parse(text, answer.incomplete_details?.reason === 'max_output_tokens') : text;
			return simplifyResponse(response as OpenAiResponse<ModelResponse>, content);
		},
	};
}

/** One item's request, read and checked: what Complete sends, and what a Batch line holds. */
export function readCompleteCall(this: IExecuteFunctions, itemIndex: number) {
	const api = this.getNodeParameter('api', itemIndex, 'chatCompletions') as CompletionApi;
	const model = String(
		this.getNodeParameter('model', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!model) {
		throw new NodeOperationError(
			this.getNode(),
			'"Model" is empty: pick a model from the list or enter its ID',
			{
				itemIndex,
			},
		);
	}
	const messages = readMessages.call(this, itemIndex);
	const instructions = api === 'responses' ? String(this.getNodeParameter('instructions', itemIndex, '') ?? '').trim() : '';
	const settings = readCompletionOptions.call(this, itemIndex, messages, api, instructions);
	const call =
		api === 'responses'
			? responsesCall(model, messages, settings, { instructions, previousResponseId: readResponseId.call(this, itemIndex, { parameter: 'previousResponseId', name: 'Previous Response ID', required: false }) })
			: chatCompletionsCall(model, messages, settings);
	const scope = readScope.call(this, itemIndex);
	return { api, model, call, scope };
}

/**
 * "Background" (Responses only): OpenAI keeps the run to hand it out later, so it refuses it unless the response is
 * stored. Refused here, before any request, naming both options.
 */
function readBackground(this: IExecuteFunctions, itemIndex: number, api: CompletionApi, body: IDataObject): boolean {
	if (api !== 'responses') return false;
	const { background } = this.getNodeParameter('options', itemIndex, {}) as { background?: unknown };
	if (background !== true) return false;
	if (body.store === false) {
		throw new NodeOperationError(this.getNode(), 'The option "Background" needs the option "Store" on', {
			itemIndex,
			description:
				'OpenAI keeps a background response so that Response > Get can fetch it later. Turn "Store" on (or remove it from the options), or turn "Background" off. Nothing was sent to OpenAI.',
		});
	}
	return true;
}

/** Reads and checks every parameter of one item; the returned item sends it. Nothing is sent on bad input. */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const { api, model, call, scope } = readCompleteCall.call(this, itemIndex);
	const background = readBackground.call(this, itemIndex, api, call.body);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const limits = readRequestLimits.call(this, itemIndex);
	const parse = (text: string, cut: boolean) => parseJsonAnswer.call(this, text, cut, itemIndex);

	const send = async () => {
		const response = (await openAiRequest.call(this, {
			method: 'POST',
			path: call.path,
			body: background ? { ...call.body, background: true } : call.body,
			scope,
			itemIndex,
			subject: `model ${model}`,
			// A background run whose answer was lost may be running: sent again, it would run (and be paid) twice.
			notIdempotent: background,
			...limits,
		})) as OpenAiResponse<IDataObject>;
		if (!simplify) return [{ ...response.body, ...billingFields(response) }];
		if (background) return [{ ...readableResponse(response.body as ModelResponse), ...billingFields(response) }];
		return [call.simplify(response, parse)];
	};
	return { send };
}
