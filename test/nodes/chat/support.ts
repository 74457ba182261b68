import { runWorkflow, singleNodeWorkflow } from '../../harness';
import type { WorkflowRunResult } from '../../harness';
import { ALL_FIXTURE_KEYS } from '../../openai-server';
import type { OpenAiTestServer, RecordedRequest } from '../../openai-server';

export const CHAT_NODE_TYPE = 'n8n-nodes-openai-org.openAiOrgChat';
export const NODE_NAME = 'Chat';
const CREDENTIAL_ID = 'openai-org-credential';

export interface CredentialValues {
	apiKey: string;
	organizationId?: string;
	projectId?: string;
	baseUrl?: string;
}

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
	const workflow = singleNodeWorkflow({
		type: CHAT_NODE_TYPE,
		name: NODE_NAME,
		parameters: { model: model(), ...run.parameters },
		credentials: { openAiOrgApi: { id: CREDENTIAL_ID, name: 'OpenAI Org' } },
		continueOnFail: run.continueOnFail,
	});
	return await runWorkflow(workflow, {
		credentials: {
			[CREDENTIAL_ID]: {
				baseUrl: server.url,
				organizationId: '',
				projectId: '',
				...run.credential,
			},
		},
		inputItems: run.inputItems,
	});
}

export function chatRequests(server: OpenAiTestServer): RecordedRequest[] {
	return server.requests.filter((request) => request.path === '/v1/chat/completions');
}

/** Serializes anything a test saw, errors included (their message and description are not enumerable). */
function everythingIn(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, entry: unknown) => {
		if (typeof entry === 'object' && entry !== null) {
			if (seen.has(entry)) return '[seen]';
			seen.add(entry);
			if (entry instanceof Error) {
				const fields = entry as unknown as Record<string, unknown>;
				return {
					...fields,
					message: entry.message,
					stack: entry.stack,
					description: fields.description,
				};
			}
		}
		return entry;
	});
}

/** No full fixture key may appear in outputs, errors, logs or the server's recordings. */
export function expectNoFullKey(...sources: unknown[]): void {
	const text = sources.map(everythingIn).join('\n');
	for (const key of ALL_FIXTURE_KEYS) expect(text).not.toContain(key);
}

/** OpenAI rejects an empty OpenAI-Organization header; the node must never send one, nor an empty project. */
export function expectNoEmptyScopeHeader(requests: RecordedRequest[]): void {
	for (const request of requests) {
		expect(request.headers['openai-organization']).not.toBe('');
		expect(request.headers['openai-project']).not.toBe('');
	}
}
