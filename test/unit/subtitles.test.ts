import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { OpenAiOrgChat } from '../../nodes/OpenAiOrgChat/OpenAiOrgChat.node';
import { OpenAiOrganization } from '../../nodes/OpenAiOrganization/OpenAiOrganization.node';
import { OpenAiOrganizationTrigger } from '../../nodes/OpenAiOrganizationTrigger/OpenAiOrganizationTrigger.node';
import { OpenAiProjects } from '../../nodes/OpenAiProjects/OpenAiProjects.node';
import { isChatModel } from '../../nodes/OpenAiOrgChat/helpers/models';

/** Evaluates a subtitle the way n8n does for the simple expressions used here: `={{ … }}` over `$parameter`. */
function subtitleFor(description: INodeTypeDescription, parameter: Record<string, unknown>): string {
	const source = String(description.subtitle);
	const expression = /^=\{\{([\s\S]*)\}\}$/.exec(source)?.[1];
	if (!expression) throw new Error(`not an expression: ${source}`);
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- test code: the node's own subtitle
	return String(new Function('$parameter', `return (${expression});`)(parameter));
}

function operationsOf(description: INodeTypeDescription): Array<{ resource: string; operation: string }> {
	return description.properties
		.filter((property: INodeProperties) => property.name === 'operation')
		.flatMap((property) =>
			(property.displayOptions?.show?.resource as string[]).flatMap((resource) =>
				(property.options as Array<{ value: string }>).map((option) => ({ resource, operation: option.value })),
			),
		);
}

describe('subtitles in words', () => {
	const projects = new OpenAiProjects().description;

	test.each([
		['project', 'getAll', 'Get many projects'],
		['project', 'archive', 'Archive a project'],
		['project', 'create', 'Create a project'],
		['cost', 'getAll', 'Get costs per project'],
		['projectUser', 'update', 'Change the role of a user in a project'],
	])('OpenAI Projects %s/%s reads "%s"', (resource, operation, expected) => {
		expect(subtitleFor(projects, { resource, operation })).toBe(expected);
	});

	// The subtitle is built from the operation options' action texts (the ones n8n's node panel lists), so every
	// operation, present and future, has one in words and none is kept by hand.
	test.each([
		['OpenAI Projects', projects],
		['OpenAI Organization', new OpenAiOrganization().description],
	])('every operation of %s has a subtitle in words, the same as its action in the node panel', (_name, description) => {
		const operations = operationsOf(description);
		expect(operations.length).toBeGreaterThanOrEqual(7);
		for (const { resource, operation } of operations) {
			const subtitle = subtitleFor(description, { resource, operation });
			expect(subtitle).toMatch(/^[A-Z][a-z]+( ([a-z][a-z-]+|[A-Z]{2,}s?|a))+$/);
		}
	});

	test('OpenAI Organization user/updateRole reads "Change the role of a user"', () => {
		expect(subtitleFor(new OpenAiOrganization().description, { resource: 'user', operation: 'updateRole' })).toBe(
			'Change the role of a user',
		);
	});

	test('the trigger names its events in words, not their values', () => {
		const trigger = new OpenAiOrganizationTrigger().description;
		expect(subtitleFor(trigger, { events: ['spendThreshold'] })).toBe('On spend crossing a threshold');
		expect(subtitleFor(trigger, { events: ['auditLog', 'keyUnused', 'projectCreated'] })).toBe('On a new audit-log event (+2 more)');
	});

	test('the chat node names the model in words', () => {
		const chat = new OpenAiOrgChat().description;
		expect(subtitleFor(chat, { operation: 'complete', model: { value: 'gpt-4o-mini' } })).toBe('Chat with gpt-4o-mini');
		expect(subtitleFor(chat, { operation: 'complete', model: { value: '' } })).toBe('Chat with a model');
		expect(subtitleFor(chat, { resource: 'model', operation: 'delete', model: {} })).toBe('Delete a fine tuned model');
		expect(subtitleFor(chat, { resource: 'chat', operation: 'getAll', model: {} })).toBe('Get many stored chat completions');
		expect(subtitleFor(chat, { resource: 'response', operation: 'get', model: {} })).toBe('Get a stored response');
	});
});

describe('chat models', () => {
	test.each(['gpt-4o-mini', 'o3-mini', 'ft:gpt-4o-mini:acme::abc123'])('%s is a chat model', (id) => {
		expect(isChatModel(id)).toBe(true);
	});
	test.each(['dall-e-3', 'text-embedding-3-small', 'tts-1', 'whisper-1', 'gpt-image-1', 'omni-moderation-latest'])(
		'%s is not',
		(id) => {
			expect(isChatModel(id)).toBe(false);
		},
	);
});
