import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { CURRENCY, dollarAmountProperty, dollarsToCents, INTERVAL, withDollarAmounts } from '../../../shared/resources/money';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { spendLimitPath } from '../../helpers/spendLimit';

export const description = updateDisplayOptions({ show: { resource: ['spendLimit'], operation: ['set'] } }, [
	{ ...projectLocator, description: 'The project to cap' },
	dollarAmountProperty({
		description:
			"The most the project may spend in a calendar month, in US dollars; OpenAI stops its requests beyond it. Replaces any limit the project has.",
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: 100,
		hint: 'In dollars, not cents: 100 means $100.00 a month (the node sends OpenAI 10000 cents)',
	}),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const cents = dollarsToCents.call(this, this.getNodeParameter('thresholdUsd', itemIndex), itemIndex, 1);
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		// "Create or replace": sending the same limit twice leaves one limit, so it may be retried like a read.
		const response = await openAiRequest.call(this, {
			method: 'POST',
			path: spendLimitPath(projectId),
			body: { threshold_amount: cents, currency: CURRENCY, interval: INTERVAL },
			itemIndex,
			subject: `project ${projectId}`,
			...limits,
		});
		return [{ project_id: projectId, limitSet: true, ...withDollarAmounts(response.body as IDataObject) }];
	};
	return { send };
}
