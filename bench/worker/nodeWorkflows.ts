import { resolveNodeType, runWorkflow, singleNodeWorkflow } from '../../test/harness';
import { ADMIN_KEY_ACME, PROJECT_KEY_ACME } from '../../test/openai-server/fixtures';
import type { ChatApi, TaskOutcome } from './protocol';

const NODE_NAME = 'Node Under Test';

/**
 * Loads the package's node code before the clock starts, as n8n does when it boots: the node variants are then
 * measured from the run on, as the helper and the pool are (their code is required before the clock too). Loading
 * the package took about 150 ms, 5 % of a 1,000-item chat run at 50 at once.
 */
export function loadNodeCode(): void {
	resolveNodeType('n8n-nodes-openai-org.openAiOrgChat');
	resolveNodeType('n8n-nodes-openai-org.openAiProjects');
}

function credential(id: string, apiKey: string, baseUrl: string) {
	return { [id]: { apiKey, organizationId: '', projectId: '', baseUrl } };
}

function outcomeOf(result: Awaited<ReturnType<typeof runWorkflow>>): TaskOutcome {
	const node = result.nodes[NODE_NAME];
	if (!node) throw new Error(`the node did not run: ${result.error?.message ?? 'no error recorded'}`);
	if (node.error) throw new Error(`the node failed: ${node.error.message}`);
	return {
		items: node.items.length,
		failedItems: node.items.filter((item) => 'error' in item).length,
	};
}

/** The Projects node, Get Many with Return All, through n8n-core's engine. */
export async function listWithNode(baseUrl: string): Promise<TaskOutcome> {
	const workflow = singleNodeWorkflow({
		type: 'n8n-nodes-openai-org.openAiProjects',
		parameters: { resource: 'project', operation: 'getAll', returnAll: true },
		credentials: { openAiAdminApi: { id: 'bench-admin', name: 'Bench admin key' } },
	});
	return outcomeOf(
		await runWorkflow(workflow, { credentials: credential('bench-admin', ADMIN_KEY_ACME, baseUrl) }),
	);
}

/** The Projects node, Project → Find Stale, through n8n-core's engine. */
export async function findStaleWithNode(baseUrl: string, inactiveDays: number): Promise<TaskOutcome> {
	const workflow = singleNodeWorkflow({
		type: 'n8n-nodes-openai-org.openAiProjects',
		parameters: { resource: 'project', operation: 'findStale', inactiveDays },
		credentials: { openAiAdminApi: { id: 'bench-admin', name: 'Bench admin key' } },
	});
	return outcomeOf(
		await runWorkflow(workflow, { credentials: credential('bench-admin', ADMIN_KEY_ACME, baseUrl) }),
	);
}

/** The chat node over `items` input items, `concurrency` of them at once ("Items at Once"). */
export async function chatWithNode(
	baseUrl: string,
	items: number,
	concurrency: number,
	api: ChatApi = 'chatCompletions',
): Promise<TaskOutcome> {
	const workflow = singleNodeWorkflow({
		type: 'n8n-nodes-openai-org.openAiOrgChat',
		parameters: {
			resource: 'chat',
			operation: 'complete',
			...(api === 'responses' ? { api } : {}),
			model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' },
			messagesSource: 'define',
			messages: { values: [{ role: 'user', content: '={{ $json.prompt }}' }] },
			options: { itemsAtOnce: concurrency },
		},
		credentials: { openAiOrgApi: { id: 'bench-project', name: 'Bench project key' } },
	});
	const inputItems = Array.from({ length: items }, (_, index) => ({ prompt: `Question ${index}` }));
	return outcomeOf(
		await runWorkflow(workflow, {
			credentials: credential('bench-project', PROJECT_KEY_ACME, baseUrl),
			inputItems,
		}),
	);
}

/** The chat node's Batch > Create with Wait for Results over `items` input items: one file, one batch, one poll loop. */
export async function batchWithNode(baseUrl: string, items: number): Promise<TaskOutcome> {
	const workflow = singleNodeWorkflow({
		type: 'n8n-nodes-openai-org.openAiOrgChat',
		parameters: {
			resource: 'batch',
			operation: 'submit',
			model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' },
			messagesSource: 'define',
			messages: { values: [{ role: 'user', content: '={{ $json.prompt }}' }] },
			waitForResults: true,
			pollIntervalSeconds: 0.5,
			waitTimeoutMinutes: 10,
		},
		credentials: { openAiOrgApi: { id: 'bench-project', name: 'Bench project key' } },
		continueOnFail: true,
	});
	const inputItems = Array.from({ length: items }, (_, index) => ({ prompt: `Question ${index}` }));
	return outcomeOf(
		await runWorkflow(workflow, {
			credentials: credential('bench-project', PROJECT_KEY_ACME, baseUrl),
			inputItems,
		}),
	);
}

/** The Projects node archiving one project per input item (Continue On Fail, so failures are counted). */
export async function archiveWithNode(baseUrl: string, projectIds: string[], maxRetries: number): Promise<TaskOutcome> {
	const workflow = singleNodeWorkflow({
		type: 'n8n-nodes-openai-org.openAiProjects',
		parameters: {
			resource: 'project',
			operation: 'archive',
			projectId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			// the whole batch in one run: the guard's default cap (20 a run) would stop it before the first archive
			maxPerRun: projectIds.length,
			requestOptions: { maxRetries },
		},
		credentials: { openAiAdminApi: { id: 'bench-admin', name: 'Bench admin key' } },
		continueOnFail: true,
	});
	return outcomeOf(
		await runWorkflow(workflow, {
			credentials: credential('bench-admin', ADMIN_KEY_ACME, baseUrl),
			inputItems: projectIds.map((id) => ({ id })),
		}),
	);
}
