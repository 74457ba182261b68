// The environment comes first: n8n-core must see the harness's user folder before it is loaded.
import './environment';

export { isN8nInstalled } from './n8n-base-nodes';
export { livePollTrigger, pollTrigger } from './poll-trigger';
export type { LivePoller, PollOptions, PollResult } from './poll-trigger';
export { runWorkflow } from './run-workflow';
export { registerNodePackage, resolveNodeType } from './type-registry';
export { loadWorkflow, singleNodeWorkflow } from './workflow-files';
export type {
	CapturedError,
	NodeRunResult,
	RunWorkflowOptions,
	SingleNodeSpec,
	WorkflowJson,
	WorkflowRunResult,
} from './types';
