import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { readLimit } from '../../../shared/execution/listLimit';
import { getManyProperties } from '../../../shared/parameters/getMany';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { SPEND_ALERTS, toSpendAlertItem } from '../../helpers/spendAlerts';
import { listInProject } from '../../helpers/inProject';

export const description = updateDisplayOptions({ show: { resource: ['spendAlert'], operation: ['getAll'] } }, [
	{ ...projectLocator, description: 'The project whose spend alerts to list' },
	...getManyProperties(),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const limit = readLimit.call(this, itemIndex, 'spend alert');
	const limits = readRequestLimits.call(this, itemIndex);
	const toItem = (alert: IDataObject) => toSpendAlertItem(projectId, alert);
	return { send: async () => await listInProject.call(this, projectId, SPEND_ALERTS, { limit, itemIndex, limits, toItem }) };
}
