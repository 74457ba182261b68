import type { IConnections, INode, IWorkflowSettings } from 'n8n-workflow';

/** The JSON n8n saves and exports for a workflow; only `nodes` and `connections` are required. */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface RunWorkflowOptions {
	/** Plain (already decrypted) credential data, keyed by the credential id the workflow's nodes reference. */
	credentials?: Record<string, Record<string, unknown>>;
	/** json of the items the start node emits (default: one empty item). */
	inputItems?: Array<Record<string, unknown>>;
	timezone?: string;
}

export interface CapturedError {
	message: string;
	description?: string;
	name: string;
	httpCode?: string;
	context?: unknown;
	raw: unknown;
}

export interface NodeRunResult {
	/** json of output 0 (main), all runs concatenated. */
	items: Array<Record<string, unknown>>;
	/** Every main output, full items, all runs concatenated per output. */
	outputs: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }>>;
	error?: CapturedError;
}

export interface WorkflowRunResult {
	nodes: Record<string, NodeRunResult>;
	error?: CapturedError;
	finished: boolean;
	/** Everything the Logger received, one line per call, so tests can scan for leaked keys. */
	logs: string[];
}

export interface SingleNodeSpec {
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	name?: string;
	typeVersion?: number;
	/** Sets onError: 'continueRegularOutput', what the "Continue" setting of the node stores. */
	continueOnFail?: boolean;
}
