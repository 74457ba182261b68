import type { INodeExecutionData, IRun, ITaskData } from 'n8n-workflow';

import type { CapturedError, NodeRunResult } from './types';

type OutputItem = NodeRunResult['outputs'][number][number];

/** What each node produced, by node name: runs concatenated, output by output. */
export function collectNodeResults(run: IRun): Record<string, NodeRunResult> {
	const results: Record<string, NodeRunResult> = {};
	for (const [nodeName, tasks] of Object.entries(run.data.resultData.runData)) {
		results[nodeName] = collectNodeResult(tasks);
	}
	return results;
}

function collectNodeResult(tasks: ITaskData[]): NodeRunResult {
	const outputs: OutputItem[][] = [];
	let error: CapturedError | undefined;
	for (const task of tasks) {
		(task.data?.main ?? []).forEach((outputItems, outputIndex) => {
			outputs[outputIndex] ??= [];
			outputs[outputIndex].push(...(outputItems ?? []).map(toOutputItem));
		});
		if (task.error) error = captureError(task.error);
	}
	for (let outputIndex = 0; outputIndex < outputs.length; outputIndex++)
		outputs[outputIndex] ??= [];
	const items = (outputs[0] ?? []).map((item) => item.json);
	return error ? { items, outputs, error } : { items, outputs };
}

function toOutputItem(item: INodeExecutionData): OutputItem {
	const json = item.json as Record<string, unknown>;
	return item.pairedItem === undefined ? { json } : { json, pairedItem: item.pairedItem };
}

/** The fields of n8n's NodeApiError / NodeOperationError a test asserts on, with the error itself as `raw`. */
export function captureError(error: unknown): CapturedError {
	const fields = (typeof error === 'object' && error !== null ? error : {}) as Record<
		string,
		unknown
	>;
	const captured: CapturedError = {
		message: typeof fields.message === 'string' ? fields.message : String(error),
		name: typeof fields.name === 'string' ? fields.name : 'Error',
		raw: error,
	};
	if (typeof fields.description === 'string') captured.description = fields.description;
	if (fields.httpCode !== undefined && fields.httpCode !== null)
		captured.httpCode = String(fields.httpCode);
	if (fields.context !== undefined) captured.context = fields.context;
	return captured;
}
