import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { destructiveProperties } from '../../../shared/execution/destructive';
import { findInListing } from '../../../shared/execution/listingLookup';
import type { DestructiveRules, PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { requireActiveProject } from '../../helpers/projectLookup';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import {
	getAlertId,
	readSpendAlert,
	spendAlertLocator,
	spendAlertsPath,
	toSpendAlertItem,
} from '../../helpers/spendAlerts';
import type { SpendAlert } from '../../helpers/spendAlerts';

export const destructive: DestructiveRules = { verb: 'delete', pastTense: 'deleted', items: 'spend alerts' };

const show = { resource: ['spendAlert'], operation: ['delete'] };

export const description = [
	...updateDisplayOptions({ show }, [projectLocator, spendAlertLocator]),
	...destructiveProperties(show, destructive),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const alertId = getAlertId.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const path = `${spendAlertsPath(projectId)}/${encodeURIComponent(alertId)}`;
	return {
		// Before any alert of the run is deleted: its project is active, the alert is there.
		check: async () => {
			await requireActiveProject.call(this, projectId, itemIndex, limits, 'nothing was deleted.');
			const listed = await findInListing.call(this, `spend alerts ${projectId}`, { path: spendAlertsPath(projectId), itemIndex, ...limits }, alertId);
			const alert = (listed as SpendAlert | undefined) ?? (await readSpendAlert.call(this, projectId, alertId, itemIndex, limits));
			return [toSpendAlertItem(projectId, alert, { dryRun: true, wouldDelete: true })];
		},
		send: async () => {
			const response = await openAiRequest.call(this, {
				method: 'DELETE',
				path,
				itemIndex,
				subject: `spend alert ${alertId} of project ${projectId}`,
				...limits,
			});
			return [{ project_id: projectId, ...(response.body as IDataObject) }];
		},
	};
}
