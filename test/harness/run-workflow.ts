// First: it sets n8n's environment before n8n-core is loaded.
import { prepareEngineEnvironment } from './environment';

import { randomUUID } from 'node:crypto';
import { ExecutionLifecycleHooks, ExternalSecretsProxy, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { Container } from './core-runtime';
import { HarnessCredentialsHelper } from './credentials-helper';
import { recordForKeyScan } from './key-scan';
import { captureError, collectNodeResults } from './run-results';
import { harnessNodeTypes } from './type-registry';
import type { RunWorkflowOptions, WorkflowJson, WorkflowRunResult } from './types';
import { describeRefusedStart } from './workflow-issues';

const TRIGGER_TYPES = ['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.scheduleTrigger'];
const EXECUTION_MODE = 'manual';

/**
 * Runs a workflow through n8n-core's WorkflowExecute, with n8n-core's own request helpers and the given plain
 * credentials, and reports what every node produced. Pinned data is ignored, as `n8n execute` ignores it.
 */
export async function runWorkflow(
	workflowJson: WorkflowJson,
	options: RunWorkflowOptions = {},
): Promise<WorkflowRunResult> {
	const logger = prepareEngineEnvironment();
	logger.takeLines();

	const workflow = buildWorkflow(workflowJson, options.timezone);
	const startNode = findStartNode(workflow);
	const executionId = randomUUID();
	const additionalData = buildAdditionalData(workflowJson, executionId, options.credentials ?? {});

	const startItems = (options.inputItems ?? [{}]).map((json) => ({ json })) as INodeExecutionData[];
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: startNode, data: { main: [startItems] }, source: null }],
		},
	});

	const engine = new WorkflowExecute(additionalData, EXECUTION_MODE, runExecutionData);
	let run: IRun;
	try {
		run = await engine.processRunExecutionData(workflow);
	} catch (error) {
		const issues = engine.checkReadyForExecution(workflow, { startNode: startNode.name });
		return recordForKeyScan({
			nodes: {},
			error: describeRefusedStart(error, issues),
			finished: false,
			logs: logger.takeLines(),
		});
	}

	const executionError = run.data.resultData.error;
	return recordForKeyScan({
		nodes: collectNodeResults(run),
		...(executionError ? { error: captureError(executionError) } : {}),
		finished: run.finished === true && run.status === 'success',
		logs: logger.takeLines(),
	});
}

export function buildWorkflow(
	workflowJson: WorkflowJson,
	timezone: string | undefined,
	staticData: Record<string, unknown> = {},
): Workflow {
	// Workflows n8n creates today run in v1 order; an export without settings is one made that way.
	const settings: IWorkflowSettings = { executionOrder: 'v1', ...workflowJson.settings };
	if (timezone) settings.timezone = timezone;
	return new Workflow({
		id: workflowJson.id ?? 'harness-workflow',
		name: workflowJson.name ?? 'Harness workflow',
		// The engine writes into nodes (parameters with defaults, issues): a run must not change the caller's JSON.
		nodes: structuredClone(workflowJson.nodes),
		connections: structuredClone(workflowJson.connections),
		active: false,
		nodeTypes: harnessNodeTypes,
		settings,
		staticData: staticData as IDataObject,
	});
}

function findStartNode(workflow: Workflow): INode {
	const trigger = Object.values(workflow.nodes).find(
		(node) => TRIGGER_TYPES.includes(node.type) && node.disabled !== true,
	);
	const startNode = trigger ?? workflow.getStartNode();
	if (!startNode) {
		throw new Error('The workflow has no start node: add a Manual Trigger or a Schedule Trigger.');
	}
	return startNode;
}

export function buildAdditionalData(
	workflowJson: WorkflowJson,
	executionId: string,
	credentials: Record<string, Record<string, unknown>>,
): IWorkflowExecuteAdditionalData {
	const workflowData = {
		id: workflowJson.id ?? 'harness-workflow',
		name: workflowJson.name ?? 'Harness workflow',
		active: false,
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		settings: workflowJson.settings ?? {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;

	const unsupported = (feature: string) => async () => {
		throw new Error(`The harness does not support ${feature}.`);
	};
	return {
		credentialsHelper: new HarnessCredentialsHelper(credentials),
		hooks: new ExecutionLifecycleHooks(EXECUTION_MODE, executionId, workflowData),
		executionId,
		currentNodeExecutionIndex: 0,
		executeWorkflow: unsupported('sub-workflows (Execute Workflow)'),
		getRunExecutionData: async () => undefined,
		startRunnerTask: unsupported('task runners (the Code node)'),
		logAiEvent: () => {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		variables: {},
		externalSecretsProxy: Container.get<ExternalSecretsProxy>(ExternalSecretsProxy),
	} satisfies Partial<IWorkflowExecuteAdditionalData> as IWorkflowExecuteAdditionalData;
}
