import type { WorkflowRunResult } from '../../harness';
import type { OpenAiTestServer, RecordedRequest } from '../../openai-server';
import { runNode } from '../workflowHelpers';
import type { CredentialValues } from '../workflowHelpers';

export const CHAT_NODE_TYPE = 'n8n-nodes-openai-org.openAiOrgChat';
export const NODE_NAME = 'Chat';

export interface ChatRun {
	parameters: Record<string, unknown>;
	credential: CredentialValues;
	inputItems?: Array<Record<string, unknown>>;
	continueOnFail?: boolean;
}

/** A fixed model by ID: the list mode needs the editor, the engine only reads the value. */
export function model(id = 'gpt-4o-mini') {
	return { __rl: true, mode: 'id', value: id };
}

export function userMessage(content: string) {
	return { values: [{ role: 'user', content }] };
}

export async function runChat(server: OpenAiTestServer, run: ChatRun): Promise<WorkflowRunResult> {
	return await runNode(server, {
		type: CHAT_NODE_TYPE,
		name: NODE_NAME,
		parameters: { model: model(), ...run.parameters },
		credential: run.credential,
		inputItems: run.inputItems,
		continueOnFail: run.continueOnFail,
	});
}

export function chatRequests(server: OpenAiTestServer): RecordedRequest[] {
	return server.requests.filter((request) => request.path === '/v1/chat/completions');
}

export { expectNoFullKeyIn } from '../workflowHelpers';
export { expectRequestsFollowContract, serveTestServer } from '../testServer';
