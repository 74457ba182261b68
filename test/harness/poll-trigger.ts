// First: it sets n8n's environment before n8n-core is loaded.
import { prepareEngineEnvironment } from './environment';

import { randomUUID } from 'node:crypto';
import { PollContext } from 'n8n-core';
import type { INodeExecutionData, INodeType, WorkflowExecuteMode } from 'n8n-workflow';

import { recordForKeyScan } from './key-scan';
import { captureError } from './run-results';
import { buildAdditionalData, buildWorkflow } from './run-workflow';
import type { CapturedError, WorkflowJson } from './types';

export interface PollOptions {
	/** Plain credential data by credential id, as for runWorkflow. */
	credentials?: Record<string, Record<string, unknown>>;
	/** The workflow's static data as n8n stored it after the previous poll (JSON); absent on the first activation. */
	staticData?: Record<string, unknown>;
	/** 'trigger' for an active workflow's poll, 'manual' for the editor's "Fetch Test Event". */
	mode?: Extract<WorkflowExecuteMode, 'trigger' | 'manual'>;
	/** The polling node; the workflow's first node with `poll` when absent. */
	nodeName?: string;
}

export interface PollResult {
	/** json of what the poll emitted (empty when it returned null). */
	items: Array<Record<string, unknown>>;
	/** The static data as n8n would save it after this poll (JSON, as its database keeps it). */
	staticData: Record<string, unknown>;
	/** Whether n8n would save the static data (it saves only when the poll changed it). */
	staticDataChanged: boolean;
	error?: CapturedError;
	logs: string[];
}

/**
 * One poll of a polling trigger as n8n runs it for an active workflow: n8n-core's PollContext (real request helpers,
 * credentials, `getWorkflowStaticData`) over a Workflow whose static data is what the previous poll left, carried as
 * JSON as n8n's database carries it from one process (or worker, or restart) to the next.
 */
export async function pollTrigger(workflowJson: WorkflowJson, options: PollOptions = {}): Promise<PollResult> {
	const logger = prepareEngineEnvironment();
	logger.takeLines();
	const staticData = structuredClone(options.staticData ?? {});
	const workflow = buildWorkflow(workflowJson, undefined, staticData);
	const node = options.nodeName
		? workflow.getNode(options.nodeName)
		: Object.values(workflow.nodes).find((candidate) => {
				const type = workflow.nodeTypes.getByNameAndVersion(candidate.type, candidate.typeVersion) as INodeType;
				return typeof type?.poll === 'function';
			});
	if (!node) throw new Error('The workflow has no polling trigger node.');
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	const mode = options.mode ?? 'trigger';
	const additionalData = buildAdditionalData(workflowJson, randomUUID(), options.credentials ?? {});
	const context = new PollContext(workflow, node, additionalData, mode, mode === 'manual' ? 'manual' : 'activate');

	let output: INodeExecutionData[][] | null = null;
	let error: CapturedError | undefined;
	try {
		output = await nodeType.poll!.call(context);
	} catch (thrown) {
		error = captureError(thrown);
	}
	const changed = (workflow.staticData as { __dataChanged?: boolean }).__dataChanged === true;
	return recordForKeyScan({
		items: (output?.[0] ?? []).map((item) => item.json as Record<string, unknown>),
		// n8n keeps what it saved last: an unchanged poll leaves the stored data as it was.
		staticData: changed ? JSON.parse(JSON.stringify(workflow.staticData)) : structuredClone(options.staticData ?? {}),
		staticDataChanged: changed,
		...(error ? { error } : {}),
		logs: logger.takeLines(),
	});
}

export interface LivePoller {
	/** One poll on the shared workflow; polls may overlap (start the next before the last has ended). */
	poll(): Promise<Pick<PollResult, 'items' | 'error'>>;
	/** The static data as it is now in memory (JSON). */
	staticData(): Record<string, unknown>;
}

/**
 * An active polling trigger inside one running n8n: one Workflow object, static data included, that every poll of
 * the trigger runs on, each with a PollContext of its own, as n8n builds one per poll. Unlike `pollTrigger`, polls
 * here can overlap on the same in-memory static data, as when n8n starts a poll again for a window whose first poll
 * has not ended.
 */
export function livePollTrigger(workflowJson: WorkflowJson, options: Omit<PollOptions, 'mode'> = {}): LivePoller {
	prepareEngineEnvironment();
	const workflow = buildWorkflow(workflowJson, undefined, structuredClone(options.staticData ?? {}));
	const node = Object.values(workflow.nodes).find((candidate) => {
		const type = workflow.nodeTypes.getByNameAndVersion(candidate.type, candidate.typeVersion) as INodeType;
		return typeof type?.poll === 'function';
	});
	if (!node) throw new Error('The workflow has no polling trigger node.');
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	return {
		async poll() {
			const additionalData = buildAdditionalData(workflowJson, randomUUID(), options.credentials ?? {});
			const context = new PollContext(workflow, node, additionalData, 'trigger', 'activate');
			try {
				const output = await nodeType.poll!.call(context);
				return recordForKeyScan({ items: (output?.[0] ?? []).map((item) => item.json as Record<string, unknown>) });
			} catch (thrown) {
				return { items: [], error: captureError(thrown) };
			}
		},
		staticData: () => JSON.parse(JSON.stringify(workflow.staticData)) as Record<string, unknown>,
	};
}
