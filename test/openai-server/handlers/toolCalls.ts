import { isObject } from '../context';
import * as E from '../errors';
import { randomAlphanumeric } from '../random';
import type { Random } from '../random';

/**
 * A model that uses tools, predictably: offered `tools` and no tool has answered yet, it calls the first tool;
 * once a tool has answered (the last message has the role `tool`), it says how many entries the tool returned.
 * That is all an AI Agent test needs: the agent must run the tool, hand its output back, and the final answer
 * carries a number the test can hold against the test server's own state.
 */
export type ToolTurn =
	| { kind: 'call'; id: string; name: string; arguments: string }
	| { kind: 'answer'; content: string };

interface FunctionTool {
	name: string;
	parameters: Record<string, unknown>;
}

export function toolTurn(body: Record<string, unknown>, random: Random): ToolTurn | undefined {
	const tools = readTools(body.tools);
	if (tools.length === 0) return undefined;
	const messages = Array.isArray(body.messages) ? body.messages.filter(isObject) : [];
	const last = messages[messages.length - 1];
	if (last?.role === 'tool') {
		const count = entriesIn(last.content);
		return {
			kind: 'answer',
			content:
				count === undefined
					? 'The tool answered, but not with a list I can count.'
					: `The tool returned ${count} ${count === 1 ? 'entry' : 'entries'}.`,
		};
	}
	const [tool] = tools;
	return {
		kind: 'call',
		id: `call_${randomAlphanumeric(random, 24)}`,
		name: tool.name,
		arguments: JSON.stringify(argumentsFor(tool, lastUserText(messages))),
	};
}

/** The assistant message and finish reason of a chat completion for one tool turn. */
export function toolTurnChoice(turn: ToolTurn) {
	if (turn.kind === 'answer') {
		return {
			message: { role: 'assistant', content: turn.content, refusal: null, annotations: [] },
			finishReason: 'stop' as const,
			tokens: turn.content.split(/\s+/).length,
		};
	}
	return {
		message: {
			role: 'assistant',
			content: null,
			refusal: null,
			annotations: [],
			tool_calls: [{ id: turn.id, type: 'function', function: { name: turn.name, arguments: turn.arguments } }],
		},
		finishReason: 'tool_calls' as const,
		tokens: 10,
	};
}

function readTools(tools: unknown): FunctionTool[] {
	if (tools === undefined || tools === null) return [];
	if (!Array.isArray(tools)) throw E.invalidType('tools', 'an array', tools);
	return tools.map((tool, index) => {
		const fn = isObject(tool) && tool.type === 'function' && isObject(tool.function) ? tool.function : undefined;
		if (!fn || typeof fn.name !== 'string' || fn.name === '') {
			throw E.missingParameter(`tools[${index}].function.name`);
		}
		return { name: fn.name, parameters: isObject(fn.parameters) ? fn.parameters : {} };
	});
}

/** Every required argument, filled with what the user asked (strings) or a neutral value. */
function argumentsFor(tool: FunctionTool, userText: string): Record<string, unknown> {
	const properties = isObject(tool.parameters.properties) ? tool.parameters.properties : {};
	const required = Array.isArray(tool.parameters.required) ? tool.parameters.required.map(String) : [];
	return Object.fromEntries(
		required.map((name) => {
			const type = isObject(properties[name]) ? properties[name].type : 'string';
			const value = type === 'number' || type === 'integer' ? 0 : type === 'boolean' ? false : userText;
			return [name, value];
		}),
	);
}

function lastUserText(messages: Array<Record<string, unknown>>): string {
	const user = [...messages].reverse().find((message) => message.role === 'user');
	return typeof user?.content === 'string' ? user.content : '';
}

/** How many entries a tool's answer holds: a JSON list, or an object holding one list, or lines of JSON objects. */
function entriesIn(content: unknown): number | undefined {
	const text = typeof content === 'string' ? content : Array.isArray(content) ? content.map((part) => (isObject(part) ? String(part.text ?? '') : '')).join('') : '';
	try {
		const parsed: unknown = JSON.parse(text);
		if (Array.isArray(parsed)) return parsed.length;
		if (isObject(parsed)) {
			const lists = Object.values(parsed).filter(Array.isArray);
			if (lists.length === 1) return lists[0].length;
		}
	} catch {
		// not JSON: see below
	}
	return undefined;
}
