import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { readLimit } from '../../../shared/execution/listLimit';
import { getManyProperties } from '../../../shared/parameters/getMany';
import { listMembers, SERVICE_ACCOUNT, toMemberItem } from '../../../shared/resources/projectMembers';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';

export const description = updateDisplayOptions({ show: { resource: ['serviceAccount'], operation: ['getAll'] } }, [
	projectLocator,
	...getManyProperties(),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limit = readLimit.call(this, itemIndex, 'service account');
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () =>
			(await listMembers.call(this, SERVICE_ACCOUNT, projectId, { limit, itemIndex, limits })).map((account) =>
				toMemberItem(account, projectId),
			),
	};
}
