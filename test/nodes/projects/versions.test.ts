import type { INode } from 'n8n-workflow';

import { OpenAiProjects } from '../../../nodes/OpenAiProjects/OpenAiProjects.node';
import { OpenAiOrgChat } from '../../../nodes/OpenAiOrgChat/OpenAiOrgChat.node';
import { credentialTypeOf } from '../../../nodes/shared/transport/credentials';
import { ADMIN_KEY_ACME, PROJECT_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { PROJECTS_NODE, expectNoFullKeyIn, nodeResult, runNode } from '../workflowHelpers';
import { serveTestServer } from '../testServer';

const listTwo = { resource: 'project', operation: 'getAll', returnAll: false, limit: 2 };

describe('OpenAI Projects: version 2 takes the Admin credential, version 1 keeps the Organization one', () => {
	it('offers the Admin credential to new nodes (version 2) and the Organization one to version 1 only', () => {
		const { description } = new OpenAiProjects();
		expect(description.version).toEqual([1, 2]);
		expect(description.defaultVersion).toBe(2);
		expect(description.credentials).toEqual([
			expect.objectContaining({ name: 'openAiAdminApi', required: true, displayOptions: { show: { '@version': [2] } } }),
			expect.objectContaining({ name: 'openAiOrgApi', required: true, displayOptions: { show: { '@version': [1] } } }),
		]);
		expect(new OpenAiOrgChat().description.credentials).toEqual([{ name: 'openAiOrgApi', required: true }]);
	});

	it.each([
		[{ type: PROJECTS_NODE, typeVersion: 2, credentials: { openAiAdminApi: { id: 'a', name: 'a' } } }, 'openAiAdminApi'],
		[{ type: PROJECTS_NODE, typeVersion: 1, credentials: { openAiOrgApi: { id: 'o', name: 'o' } } }, 'openAiOrgApi'],
		[{ type: PROJECTS_NODE, typeVersion: 2 }, 'openAiAdminApi'],
		[{ type: PROJECTS_NODE, typeVersion: 1 }, 'openAiOrgApi'],
		[{ type: `${PROJECTS_NODE}Tool`, typeVersion: 2 }, 'openAiAdminApi'],
		[{ type: 'n8n-nodes-openai-org.openAiOrgChat', typeVersion: 1 }, 'openAiOrgApi'],
	])('the transport reads the credential the node carries or its version asks for: %j', (node, expected) => {
		expect(credentialTypeOf({ id: '1', name: 'n', position: [0, 0], parameters: {}, ...node } as INode)).toBe(expected);
	});

	describe('running', () => {
		let server: OpenAiTestServer;
		serveTestServer({ projects: 5 }, (started) => (server = started));

		it('runs a new (version 2) node with an OpenAI Admin API credential', async () => {
			const result = await runNode(server, { parameters: listTwo, credential: { apiKey: ADMIN_KEY_ACME } });
			expect(nodeResult(result).items).toHaveLength(2);
			expect(server.requests[0].keyFingerprint).toBe(`sk-...${ADMIN_KEY_ACME.slice(-4)}`);
			expectNoFullKeyIn(result);
		});

		it('keeps running a stored version 1 node with its OpenAI Organization API credential', async () => {
			const result = await runNode(server, { parameters: listTwo, typeVersion: 1, credential: { apiKey: ADMIN_KEY_ACME } });
			expect(nodeResult(result).items).toHaveLength(2);
			expect(server.requests[0].keyFingerprint).toBe(`sk-...${ADMIN_KEY_ACME.slice(-4)}`);
		});

		it('says plainly when the Admin credential of a version 2 node holds a project key', async () => {
			const result = await runNode(server, { parameters: listTwo, credential: { apiKey: PROJECT_KEY_ACME } });
			expect(result.error?.message).toBe('This operation needs an OpenAI Admin API key');
			expect(result.error?.description).toContain('put it in the credential (the Admin nodes take an "OpenAI Admin (Projects, Organization, Trigger) API" credential)');
		});
	});
});
