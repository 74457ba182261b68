import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

const CHAT_ROLES = ['system', 'developer', 'user', 'assistant'] as const;
export type ChatRole = (typeof CHAT_ROLES)[number];

export interface ChatMessage {
	role: ChatRole;
	content: string;
}

const MESSAGES_LIST = 'Messages';
const MESSAGES_JSON = 'Messages (JSON)';

function isChatRole(value: unknown): value is ChatRole {
	return typeof value === 'string' && (CHAT_ROLES as readonly string[]).includes(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A messages expression may give the array itself or its JSON text (the JSON editor stores text). */
function parseJsonMessages(value: unknown): { list?: unknown; problem?: string } {
	if (typeof value !== 'string') return { list: value };
	if (value.trim() === '') return { list: [] };
	try {
		return { list: JSON.parse(value) as unknown };
	} catch (error) {
		return { problem: `"${MESSAGES_JSON}" is not valid JSON (${(error as Error).message})` };
	}
}

/**
 * Checks a message list before anything is sent; answers the first problem as a sentence naming the
 * parameter and the message, or the messages ready for the request.
 */
export function checkMessages(
	list: unknown,
	parameter: string,
): { messages: ChatMessage[] } | { problem: string } {
	if (!Array.isArray(list)) {
		return {
			problem: `"${parameter}" must be an array of {role, content} objects, not ${list === null ? 'null' : typeof list}`,
		};
	}
	if (list.length === 0) return { problem: `"${parameter}" is empty: add at least one message` };
	const messages: ChatMessage[] = [];
	for (const [index, message] of list.entries()) {
		const where = `"${parameter}" message ${index + 1}`;
		if (!isPlainObject(message))
			return { problem: `${where} must be an object with a role and a content` };
		if (!isChatRole(message.role)) {
			return {
				problem: `${where} has the role "${String(message.role)}"; use one of ${CHAT_ROLES.join(', ')}`,
			};
		}
		if (typeof message.content !== 'string') {
			return {
				problem: `${where} needs its content as text, not ${message.content === null ? 'null' : typeof message.content}`,
			};
		}
		if (message.content.trim() === '')
			return { problem: `${where} (${message.role}) has empty content` };
		messages.push({ role: message.role, content: message.content });
	}
	return { messages };
}

export function readMessages(this: IExecuteFunctions, itemIndex: number): ChatMessage[] {
	const source = this.getNodeParameter('messagesSource', itemIndex, 'define') as string;
	let checked: ReturnType<typeof checkMessages>;
	if (source === 'json') {
		const parsed = parseJsonMessages(this.getNodeParameter('messagesJson', itemIndex, ''));
		checked = parsed.problem
			? { problem: parsed.problem }
			: checkMessages(parsed.list, MESSAGES_JSON);
	} else {
		const collection = this.getNodeParameter('messages', itemIndex, {}) as { values?: unknown };
		checked = checkMessages(collection.values ?? [], MESSAGES_LIST);
	}
	if ('problem' in checked) {
		throw new NodeOperationError(this.getNode(), checked.problem, {
			itemIndex,
			description:
				source === 'json'
					? 'Give an array such as [{"role": "system", "content": "…"}, {"role": "user", "content": "…"}]. Roles: system, developer, user, assistant.'
					: 'Every message needs a role and some text. Nothing was sent to OpenAI.',
		});
	}
	return checked.messages;
}
