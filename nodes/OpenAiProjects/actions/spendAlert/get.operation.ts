import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { getAlertId, readSpendAlert, spendAlertLocator, toSpendAlertItem } from '../../helpers/spendAlerts';

export const description = updateDisplayOptions({ show: { resource: ['spendAlert'], operation: ['get'] } }, [
	projectLocator,
	spendAlertLocator,
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const alertId = getAlertId.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () => [toSpendAlertItem(projectId, await readSpendAlert.call(this, projectId, alertId, itemIndex, limits))],
	};
}
