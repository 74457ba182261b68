import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import type { OpenAiResponse } from '../../../shared/transport';
import { readChatRequest } from '../../helpers/chatRequest';
import { DEFAULT_ITEMS_AT_ONCE, MAX_ITEMS_AT_ONCE } from '../../helpers/itemsAtOnce';
import { billingFields, simplifyCompletion } from '../../helpers/output';
import type { ChatCompletion } from '../../helpers/output';

export const properties: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'resourceLocator',
		default: { mode: 'list', value: 'gpt-4o-mini' },
		required: true,
		description:
			'The chat model to use; the list shows what this key can use under the chosen organization',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchModels', searchable: true },
			},
			{ displayName: 'ID', name: 'id', type: 'string', placeholder: 'gpt-4o-mini' },
		],
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
						options: [
							{
								name: 'Assistant',
								value: 'assistant',
								description: 'An earlier answer of the model',
							},
							{
								name: 'Developer',
								value: 'developer',
								description: 'Instructions for newer models',
							},
							{ name: 'System', value: 'system', description: 'Instructions for the model' },
							{ name: 'User', value: 'user', description: 'What the user says' },
						],
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
	{
		displayName: 'Organization ID',
		name: 'organizationId',
		type: 'string',
		default: '',
		placeholder: 'org-…',
		description:
			"Runs this call under another organization of the key (sent as OpenAI-Organization). Empty uses the credential's.",
	},
	{
		displayName: 'Project ID',
		name: 'projectId',
		type: 'string',
		default: '',
		placeholder: 'proj_…',
		description:
			"Bills this call to a project of that organization (sent as OpenAI-Project). Empty uses the credential's.",
		// This node's key (a project or user key) cannot list projects, so there is no picker here.
		hint: 'Typed, not picked: a project or user key cannot list projects. Copy the ID from OpenAI Projects > Get Many, or from platform.openai.com/settings/organization/projects.',
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
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
				displayName: 'Max Completion Tokens',
				name: 'maxCompletionTokens',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1024,
				description: 'The most tokens the answer may use, reasoning tokens included',
			},
			{
				displayName: 'Reasoning Effort',
				name: 'reasoningEffort',
				type: 'options',
				options: [
					{ name: 'High', value: 'high' },
					{ name: 'Low', value: 'low' },
					{ name: 'Medium', value: 'medium' },
					{ name: 'Minimal', value: 'minimal' },
					{ name: 'None', value: 'none' },
				],
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
				],
				default: 'text',
			},
			{
				displayName: 'Seed',
				name: 'seed',
				type: 'number',
				default: 0,
				description: 'Asks OpenAI for repeatable answers to the same request (best effort)',
			},
			{
				displayName: 'Stop Sequences',
				name: 'stop',
				type: 'string',
				default: '',
				description:
					'Text at which the answer stops; several as a JSON array, e.g. ["END", "\\n\\n"] (up to 4)',
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
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['complete'] } }, properties);

export function parseJsonAnswer(
	this: IExecuteFunctions,
	completion: ChatCompletion,
	itemIndex: number,
): unknown {
	const [choice] = completion.choices ?? [];
	const text = choice?.message?.content ?? '';
	try {
		return JSON.parse(text) as unknown;
	} catch {
		const cut = choice?.finish_reason === 'length';
		throw new NodeOperationError(this.getNode(), "OpenAI's answer in JSON mode is not valid JSON", {
			itemIndex,
			description: cut
				? 'The answer was cut off at "Max Completion Tokens": raise it.'
				: `The model answered: ${text.slice(0, 200)}`,
		});
	}
}

/** Reads and checks every parameter of one item; the returned item sends it. Nothing is sent on bad input. */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const { model, body, jsonMode, scope } = readChatRequest.call(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const limits = readRequestLimits.call(this, itemIndex);

	const send = async () => {
		const response = (await openAiRequest.call(this, {
			method: 'POST',
			path: '/chat/completions',
			body,
			scope,
			itemIndex,
			subject: `model ${model}`,
			...limits,
		})) as OpenAiResponse<ChatCompletion>;
		if (!simplify) return [{ ...response.body, ...billingFields(response) }];
		const content = jsonMode
			? parseJsonAnswer.call(this, response.body, itemIndex)
			: (response.body.choices?.[0]?.message?.content ?? null);
		return [simplifyCompletion(response, content)];
	};
	return { send };
}
