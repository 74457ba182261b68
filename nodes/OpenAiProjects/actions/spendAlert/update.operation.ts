import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { dollarAmountProperty, dollarsToCents } from '../../../shared/resources/money';
import { updateFieldsCollection } from '../../../shared/parameters/collections';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import {
	getAlertId,
	readRecipients,
	readSpendAlert,
	spendAlertLocator,
	spendAlertsPath,
	toSpendAlertItem,
} from '../../helpers/spendAlerts';

const properties: INodeProperties[] = [
	projectLocator,
	spendAlertLocator,
	updateFieldsCollection('What to change; the rest of the alert stays as it is', [
		dollarAmountProperty({
			required: false,
			description: "The new threshold: the project's monthly spend in US dollars that sends the email",
		}),
		{
			displayName: 'Email Recipients',
			name: 'recipients',
			type: 'string',
			default: '',
			placeholder: 'finance@example.com, cto@example.com',
			description: 'Who gets the alert email from now on, separated by commas (replaces the current list)',
		},
		{
			displayName: 'Email Subject Prefix',
			name: 'subjectPrefix',
			type: 'string',
			default: '',
			description: "Text put before the alert email's subject",
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['spendAlert'], operation: ['update'] } }, properties);

interface AlertChanges {
	thresholdCents?: number;
	recipients?: string[];
	subjectPrefix?: string;
}

function readChanges(this: IExecuteFunctions, itemIndex: number): AlertChanges {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: AlertChanges = {};
	if (fields.thresholdUsd !== undefined) changes.thresholdCents = dollarsToCents.call(this, fields.thresholdUsd, itemIndex, 0);
	if (fields.recipients !== undefined) changes.recipients = readRecipients.call(this, fields.recipients, itemIndex);
	if (fields.subjectPrefix !== undefined) changes.subjectPrefix = String(fields.subjectPrefix).trim();
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), '"Update Fields" is empty: nothing to change', {
			itemIndex,
			description: 'Add the threshold, the recipients or the subject prefix.',
		});
	}
	return changes;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const alertId = getAlertId.call(this, itemIndex);
	const changes = readChanges.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		// OpenAI's update takes the whole alert (every field required): the current one, with the changes.
		const current = await readSpendAlert.call(this, projectId, alertId, itemIndex, limits);
		const channel = current.notification_channel;
		const prefix = changes.subjectPrefix ?? channel.subject_prefix ?? '';
		const body: IDataObject = {
			threshold_amount: changes.thresholdCents ?? current.threshold_amount,
			currency: current.currency,
			interval: current.interval,
			notification_channel: {
				type: channel.type,
				recipients: changes.recipients ?? channel.recipients,
				...(prefix ? { subject_prefix: prefix } : {}),
			},
		};
		// The same body twice leaves the same alert, so this may be retried like a read.
		const response = await openAiRequest.call(this, {
			method: 'POST',
			path: `${spendAlertsPath(projectId)}/${encodeURIComponent(alertId)}`,
			body,
			itemIndex,
			subject: `spend alert ${alertId} of project ${projectId}`,
			...limits,
		});
		return [toSpendAlertItem(projectId, response.body as IDataObject)];
	};
	return { send };
}
