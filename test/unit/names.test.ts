import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { OpenAiAdminApi } from '../../credentials/OpenAiAdminApi.credentials';
import { OpenAiOrgApi } from '../../credentials/OpenAiOrgApi.credentials';
import { OpenAiOrgChat } from '../../nodes/OpenAiOrgChat/OpenAiOrgChat.node';
import { OpenAiOrganization } from '../../nodes/OpenAiOrganization/OpenAiOrganization.node';
import { OpenAiOrganizationTrigger } from '../../nodes/OpenAiOrganizationTrigger/OpenAiOrganizationTrigger.node';
import { OpenAiProjects } from '../../nodes/OpenAiProjects/OpenAiProjects.node';

const nodes: INodeTypeDescription[] = [
	new OpenAiProjects().description,
	new OpenAiOrganization().description,
	new OpenAiOrganizationTrigger().description,
	new OpenAiOrgChat().description,
];
const credentials = [new OpenAiAdminApi(), new OpenAiOrgApi()];

/** Each verb means one thing across the nodes (Delete a thing, Remove someone or a restriction, …). */
const OPERATION_NAMES = [
	'Activate',
	'Add',
	'Archive',
	// A role of the Role / Project Role resources, given to or taken from a user or group, and reading who holds it.
	'Assign',
	// Stops a run that is still going (a background response); what is finished cannot be cancelled.
	'Cancel',
	'Change Role',
	'Complete',
	'Create',
	'Create API Key',
	'Deactivate',
	'Delete',
	'Find Stale',
	'Get',
	'Get Assignment',
	'Get Assignments',
	// What a stored response was sent (its input items), as a list.
	'Get Input Items',
	'Get Many',
	'Get Many API Keys',
	'Remove',
	'Rename',
	'Set',
	'Unassign',
	'Update',
	'Upload',
];

const operations = nodes.flatMap((node) =>
	node.properties
		.filter((property: INodeProperties) => property.name === 'operation')
		.flatMap((property) => (property.options as INodePropertyOptions[]).map((option) => ({ node: node.displayName, ...option }))),
);

describe('names across the nodes', () => {
	test('every operation is named with one of the shared verbs', () => {
		expect(operations.filter((operation) => !OPERATION_NAMES.includes(operation.name))).toEqual([]);
	});

	test('changing a role is "Change Role" in both nodes, whatever its stored value', () => {
		// The old fixed role of a user (owner, reader, member); the custom roles are their own resource (Assign, Unassign).
		const roleChanges = operations.filter((operation) => /change the role/i.test(String(operation.action)));
		expect(roleChanges.map((operation) => [operation.node, operation.name, operation.value])).toEqual([
			['OpenAI Projects', 'Change Role', 'update'],
			['OpenAI Organization', 'Change Role', 'updateRole'],
		]);
	});

	test.each(nodes.map((node) => [node.displayName, node]))(
		'%s: the credential it takes names it in its display name',
		(_name, node) => {
			const latest = Math.max(...([] as number[]).concat(node.version));
			const taken = (node.credentials ?? []).filter((credential) => {
				const versions = credential.displayOptions?.show?.['@version'] as number[] | undefined;
				return !versions || versions.includes(latest);
			});
			expect(taken).toHaveLength(1);
			const credential = credentials.find((candidate) => candidate.name === taken[0].name)!;
			const word = node.displayName.replace(/^OpenAI /, '').split(' ')[0];
			expect(credential.displayName).toContain(word);
			expect(credential.displayName).toMatch(/ API$/);
		},
	);
});
