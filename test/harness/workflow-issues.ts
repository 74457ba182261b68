import type { IWorkflowIssues } from 'n8n-workflow';

import type { CapturedError } from './types';

/**
 * n8n-core refuses to start a workflow with issues (a required parameter left empty, a missing credential, …) by
 * throwing WorkflowHasIssuesError, which names none of them; the n8n CLI then records a failed execution. The
 * harness records it the same way, with the issues spelled out.
 */
export function describeRefusedStart(
	error: unknown,
	issues: IWorkflowIssues | null,
): CapturedError {
	const fields = (typeof error === 'object' && error !== null ? error : {}) as Record<
		string,
		unknown
	>;
	const captured: CapturedError = {
		message: typeof fields.message === 'string' ? fields.message : String(error),
		name: typeof fields.name === 'string' ? fields.name : 'Error',
		raw: error,
	};
	if (issues) {
		captured.description = listIssues(issues).join('\n');
		captured.context = { issues };
	}
	return captured;
}

function listIssues(issues: IWorkflowIssues): string[] {
	return Object.entries(issues).flatMap(([nodeName, nodeIssues]) =>
		Object.entries(nodeIssues).flatMap(([kind, detail]) => {
			if (typeof detail !== 'object' || detail === null) return [`Node "${nodeName}": ${kind}`];
			return Object.values(detail)
				.flat()
				.map((message) => `Node "${nodeName}": ${message}`);
		}),
	);
}
