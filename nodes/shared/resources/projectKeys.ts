import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestLimits } from '../execution/requestOptions';
import { runScoped } from '../execution/runScoped';
import { listPages } from '../transport';

/** Every API key of one project, whoever owns it (its owner still in the project or not). */
export async function readProjectKeys(
	this: IExecuteFunctions,
	projectId: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject[]> {
	const keys: IDataObject[] = [];
	const pages = listPages.call(this, {
		path: `/organization/projects/${projectId}/api_keys`,
		qs: { owner_project_access: 'any' },
		itemIndex,
		subject: `project ${projectId}`,
		...limits,
	});
	for await (const page of pages) keys.push(...page);
	return keys;
}

/**
 * The names of the keys a report names, read from the key lists of the projects they belong to. A project whose
 * keys cannot be read (archived, or gone) leaves its keys unnamed rather than failing the report.
 */
export async function readKeyNames(
	this: IExecuteFunctions,
	projectIds: Iterable<string>,
	itemIndex: number,
	limits: RequestLimits,
): Promise<Map<string, string>> {
	const names = new Map<string, string>();
	for (const projectId of new Set(projectIds)) {
		// Each project's key list is read once per execution, however many items ask for it.
		const keys = await runScoped(this, `api keys ${projectId}`, async () =>
			await readProjectKeys.call(this, projectId, itemIndex, limits).catch(() => [] as IDataObject[]),
		);
		for (const key of keys) {
			if (typeof key.id === 'string' && typeof key.name === 'string') names.set(key.id, key.name);
		}
	}
	return names;
}
