import type { IExecuteFunctions } from 'n8n-workflow';

import type { RequestLimits } from '../../shared/execution/requestOptions';
import { runScoped } from '../../shared/execution/runScoped';
import { listPages } from '../../shared/transport';

/** The IDs of everyone in the organization now (GET /organization/users), read once per run. */
export async function organizationUserIds(
	this: IExecuteFunctions,
	itemIndex: number,
	limits: RequestLimits,
): Promise<Set<string>> {
	return await runScoped(this, 'organization users', async () => {
		const ids = new Set<string>();
		for await (const page of listPages.call(this, { path: '/organization/users', itemIndex, ...limits })) {
			for (const user of page) ids.add(String(user.id));
		}
		return ids;
	});
}
