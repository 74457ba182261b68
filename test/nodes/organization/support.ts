import { runWorkflow, singleNodeWorkflow } from '../../harness';
import type { WorkflowRunResult } from '../../harness';
import { ADMIN_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer, RecordedRequest } from '../../openai-server';
import { CREDENTIAL_ID, credentialFor, nodeResult } from '../workflowHelpers';
import type { CredentialValues } from '../workflowHelpers';

export const ORGANIZATION_NODE = 'n8n-nodes-openai-org.openAiOrganization';
export const admin: CredentialValues = { apiKey: ADMIN_KEY_ACME };
const adminReference = { openAiAdminApi: { id: CREDENTIAL_ID, name: 'OpenAI Admin (test)' } };

/** Runs Manual Trigger → one OpenAI Organization node with these parameters (and input items). */
export async function runOrganization(
	server: OpenAiTestServer,
	parameters: Record<string, unknown>,
	options: { credential?: CredentialValues; continueOnFail?: boolean; inputItems?: Array<Record<string, unknown>> } = {},
): Promise<WorkflowRunResult> {
	const workflow = singleNodeWorkflow({
		type: ORGANIZATION_NODE,
		parameters,
		credentials: adminReference,
		continueOnFail: options.continueOnFail,
	});
	return await runWorkflow(workflow, {
		credentials: credentialFor(server, options.credential ?? admin),
		inputItems: options.inputItems,
	});
}

/** The node's output items, failing with the node's error if it had one. */
export async function outputOf(
	server: OpenAiTestServer,
	parameters: Record<string, unknown>,
	options: Parameters<typeof runOrganization>[2] = {},
): Promise<Array<Record<string, unknown>>> {
	const node = nodeResult(await runOrganization(server, parameters, options));
	if (node.error) throw new Error(`The node failed: ${node.error.message}\n${node.error.description ?? ''}`);
	return node.items;
}

export function requestsTo(server: OpenAiTestServer, method: string, path: string | RegExp): RecordedRequest[] {
	return server.requests.filter(
		(request) => request.method === method && (typeof path === 'string' ? request.path === path : path.test(request.path)),
	);
}

/** A resource locator given by ID, from each input item's `id`. */
export const byIdFromInput = { __rl: true, mode: 'id', value: '={{ $json.id }}' };
