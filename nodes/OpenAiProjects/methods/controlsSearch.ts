import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { loadForPicker } from '../../shared/methods/pickerErrors';
import { isProjectId, readCursorList } from '../../shared/transport';
import { spendAlertLabel } from '../../shared/resources/spendAlerts';

/** The project picked above, which the rate limit or alert picker looks inside. */
function pickedProject(this: ILoadOptionsFunctions): string {
	const picked = this.getCurrentNodeParameter('projectId', { extractValue: true }) as unknown;
	const value = typeof picked === 'object' && picked !== null ? (picked as { value?: unknown }).value : picked;
	const projectId = String(value ?? '').trim();
	if (!isProjectId(projectId)) throw new NodeOperationError(this.getNode(), 'Pick the project first');
	return projectId;
}

/** One page of a project's list (continued from `paginationToken`), matching the search text. */
async function searchInProject(
	context: ILoadOptionsFunctions,
	subPath: string,
	label: (entry: IDataObject) => string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await loadForPicker(context, async () => {
		const projectId = pickedProject.call(context);
		const needle = (filter ?? '').trim().toLowerCase();
		const qs: IDataObject = paginationToken ? { after: paginationToken } : {};
		const pages = readCursorList.call(context, { path: `/organization/projects/${projectId}/${subPath}`, qs, maxRetries: 1 });
		for await (const page of pages) {
			const results = page.data
				.map((entry) => ({ name: label(entry), value: String(entry.id) }))
				.filter((result) => !needle || `${result.name}\n${result.value}`.toLowerCase().includes(needle));
			return { results, paginationToken: page.next };
		}
		return { results: [] };
	});
}

/** A listSearch method over one list of the picked project (`subPath`), each entry named by `label`. */
function searchPickedProjectList(subPath: string, label: (entry: IDataObject) => string) {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchInProject(this, subPath, label, filter, paginationToken);
	};
}

/** A project's rate limits, one per model, named by the model and its requests per minute. */
export const searchRateLimits = searchPickedProjectList(
	'rate_limits',
	(rateLimit) => `${String(rateLimit.model)} (${Number(rateLimit.max_requests_per_1_minute).toLocaleString('en-US')} requests/min)`,
);

/** A project's spend alerts, named by their amount in dollars and who gets them. */
export const searchSpendAlerts = searchPickedProjectList('spend_alerts', spendAlertLabel);
