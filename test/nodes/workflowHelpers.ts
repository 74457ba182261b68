/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in Node, never inside n8n */
import { inspect } from 'node:util';

import { runWorkflow, singleNodeWorkflow } from '../harness';
import type { WorkflowJson, WorkflowRunResult } from '../harness';
import { ALL_FIXTURE_SECRETS } from '../openai-server';
import type { OpenAiTestServer } from '../openai-server';

export const PROJECTS_NODE = 'n8n-nodes-openai-org.openAiProjects';
export const CREDENTIAL_ID = 'cred-under-test';

/**
 * The credential a node of this type and version carries, as n8n's editor gives it: the Projects node from
 * version 2 (the default) takes the Admin credential, version 1 and the chat node the Organization one.
 */
export function credentialReference(type: string, typeVersion?: number): Record<string, { id: string; name: string }> {
	const admin = type === PROJECTS_NODE && (typeVersion === undefined || typeVersion >= 2);
	return admin
		? { openAiAdminApi: { id: CREDENTIAL_ID, name: 'OpenAI Admin (test)' } }
		: { openAiOrgApi: { id: CREDENTIAL_ID, name: 'OpenAI Organization (test)' } };
}

export interface CredentialValues {
	apiKey: string;
	organizationId?: string;
	projectId?: string;
	/** The test server's URL when absent. */
	baseUrl?: string;
}

export function credentialFor(server: OpenAiTestServer, values: CredentialValues): Record<string, Record<string, unknown>> {
	return {
		[CREDENTIAL_ID]: {
			apiKey: values.apiKey,
			organizationId: values.organizationId ?? '',
			projectId: values.projectId ?? '',
			baseUrl: values.baseUrl ?? server.url,
		},
	};
}

/** Runs Manual Trigger → one node with the given parameters, input items and credential. */
export async function runNode(
	server: OpenAiTestServer,
	options: {
		type?: string;
		parameters: Record<string, unknown>;
		credential: CredentialValues;
		inputItems?: Array<Record<string, unknown>>;
		continueOnFail?: boolean;
		name?: string;
		/** Leave out for the node's default version. */
		typeVersion?: number;
	},
): Promise<WorkflowRunResult> {
	const type = options.type ?? PROJECTS_NODE;
	const workflow = singleNodeWorkflow({
		type,
		name: options.name,
		typeVersion: options.typeVersion,
		parameters: options.parameters,
		credentials: credentialReference(type, options.typeVersion),
		continueOnFail: options.continueOnFail,
	});
	return await runWorkflow(workflow, {
		credentials: credentialFor(server, options.credential),
		inputItems: options.inputItems,
	});
}

/** Everything a user could see of a run (outputs, errors with their causes, logs, what the server recorded): no full key or password may be in it. */
export function expectNoFullKeyIn(...sources: unknown[]): void {
	const visible = sources.map((source) => inspect(source, { depth: 12, maxArrayLength: null, maxStringLength: null })).join('\n');
	for (const secret of ALL_FIXTURE_SECRETS) expect(visible).not.toContain(secret);
}

export function nodeResult(result: WorkflowRunResult, name = 'Node Under Test') {
	const node = result.nodes[name];
	if (!node) throw new Error(`The node "${name}" did not run. Nodes that ran: ${Object.keys(result.nodes).join(', ')}`);
	return node;
}

/**
 * An example taken live the way its "How to go live" sticky note says: Dry Run turned off in `nodeName` (a
 * destructive operation's own parameter, or a create's option). The node keeps its name, so results read the same.
 */
export function goneLive(workflow: WorkflowJson, nodeName: string): WorkflowJson {
	const node = workflow.nodes.find((candidate) => candidate.name === nodeName);
	if (!node) throw new Error(`the example has no node "${nodeName}"`);
	const parameters = { ...node.parameters };
	if ('dryRun' in parameters) parameters.dryRun = false;
	else parameters.options = { ...(parameters.options as object), dryRun: false };
	return { ...workflow, nodes: workflow.nodes.map((candidate) => (candidate === node ? { ...node, parameters } : candidate)) };
}
