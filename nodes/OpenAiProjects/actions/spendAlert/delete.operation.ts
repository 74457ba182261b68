import type { IDataObject } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import { findInListing } from '../../../shared/execution/listingLookup';
import { withDollarAmounts } from '../../../shared/resources/money';
import { openAiRequest } from '../../../shared/transport';
import { requireActiveProject } from '../../helpers/projectLookup';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { getAlertId, readSpendAlert, spendAlertLocator, spendAlertsPath, toSpendAlertItem } from '../../helpers/spendAlerts';

export const { destructive, description, prepare } = destructiveOperation({
	rules: { verb: 'delete', pastTense: 'deleted', items: 'spend alerts' },
	show: { resource: ['spendAlert'], operation: ['delete'] },
	fields: [projectLocator, spendAlertLocator],
	target(itemIndex) {
		return { projectId: getProjectId.call(this, itemIndex), alertId: getAlertId.call(this, itemIndex) };
	},
	async find({ projectId, alertId }, { itemIndex, limits }) {
		await requireActiveProject.call(this, projectId, itemIndex, limits, 'nothing was deleted.');
		return await findInListing.call(this, { path: spendAlertsPath(projectId), itemIndex, ...limits }, alertId, async () =>
			await readSpendAlert.call(this, projectId, alertId, itemIndex, limits),
		);
	},
	describe: (alert, { projectId, alertId }) => {
		const { threshold_text: threshold } = withDollarAmounts(alert);
		return `spend alert ${alertId}${threshold ? ` (${String(threshold)})` : ''} of project ${projectId}`;
	},
	item: (alert, { projectId }, extra) => toSpendAlertItem(projectId, alert, extra),
	async change({ projectId, alertId }, _alert, { itemIndex, limits }) {
		const response = await openAiRequest.call(this, {
			method: 'DELETE',
			path: `${spendAlertsPath(projectId)}/${encodeURIComponent(alertId)}`,
			itemIndex,
			subject: `spend alert ${alertId} of project ${projectId}`,
			...limits,
		});
		return { project_id: projectId, ...(response.body as IDataObject) };
	},
});
