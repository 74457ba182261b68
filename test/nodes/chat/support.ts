import type { WorkflowRunResult } from '../../harness';
import { startOpenAiTestServer } from '../../openai-server';
import type { OpenAiTestServer, RecordedRequest } from '../../openai-server';
import { validateRecordedRequests } from '../../contract/openapi';
import { expectNoFullKeyIn, runNode } from '../workflowHelpers';
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

/** No full fixture key may appear in outputs, errors, logs or the server's recordings. */
export const expectNoFullKey = expectNoFullKeyIn;

/**
 * What every chat test checks of the requests it caused: each is one OpenAI's contract allows, and none carries an
 * empty OpenAI-Organization or OpenAI-Project header (OpenAI rejects an empty one).
 */
export function expectRequestsFollowContract(requests: RecordedRequest[]): void {
	expect(validateRecordedRequests(requests)).toEqual([]);
	for (const request of requests) {
		expect(request.headers['openai-organization']).not.toBe('');
		expect(request.headers['openai-project']).not.toBe('');
	}
}

/**
 * One test server for a test file: after every test, what the test made the node send is checked against the
 * contract and the server is reset; it is closed at the end.
 */
export function serveChatTests(onStart: (server: OpenAiTestServer) => void): void {
	let server: OpenAiTestServer;
	beforeAll(async () => {
		server = await startOpenAiTestServer();
		onStart(server);
	});
	afterEach(() => {
		expectRequestsFollowContract(server.requests);
		server.reset();
	});
	afterAll(async () => await server.close());
}
