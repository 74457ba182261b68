import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RequestLimits } from '../../shared/execution/requestOptions';
import { listLocator } from '../../shared/parameters/locators';
import { listPages, openAiRequest } from '../../shared/transport';
import { projectPath } from './inProject';
import { withDollarAmounts } from '../../shared/resources/money';

export interface SpendAlert extends IDataObject {
	id: string;
	threshold_amount: number;
	currency: string;
	interval: string;
	notification_channel: { type: string; recipients: string[]; subject_prefix?: string | null };
}

export const SPEND_ALERTS = 'spend_alerts';
export const spendAlertsPath = (projectId: string) => projectPath(projectId, SPEND_ALERTS);

/** "Spend Alert": one alert of the project, picked from its list or given by ID. */
export const spendAlertLocator: INodeProperties = listLocator({
	displayName: 'Spend Alert',
	name: 'alertId',
	description: 'The spend alert of this project',
	searchListMethod: 'searchSpendAlerts',
	modes: [{ displayName: 'ID', name: 'id', type: 'string', placeholder: 'alert_abc123' }],
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "Email Recipients": addresses separated by commas (or a list from an expression), each checked. */
export function readRecipients(this: IExecuteFunctions, value: unknown, itemIndex: number): string[] {
	const recipients = (Array.isArray(value) ? value : String(value ?? '').split(/[,;\n]/))
		.map((recipient) => String(recipient).trim())
		.filter((recipient) => recipient !== '');
	if (recipients.length === 0) {
		throw new NodeOperationError(this.getNode(), '"Email Recipients" is empty: an alert needs someone to tell', {
			itemIndex,
			description: 'Enter one or more email addresses separated by commas, e.g. finance@example.com, cto@example.com.',
		});
	}
	const wrong = recipients.find((recipient) => !EMAIL.test(recipient));
	if (wrong) {
		throw new NodeOperationError(this.getNode(), `"Email Recipients" holds "${wrong}", which is not an email address`, {
			itemIndex,
			description: 'Separate addresses with commas, e.g. finance@example.com, cto@example.com.',
		});
	}
	return [...new Set(recipients)];
}

/** An alert as OpenAI answers it, with its project and its amount in dollars too. */
export function toSpendAlertItem(projectId: string, alert: IDataObject, extra: IDataObject = {}): IDataObject {
	return { project_id: projectId, ...withDollarAmounts(alert), ...extra };
}

/** Every alert of a project, as it is now. */
export async function listSpendAlerts(
	this: IExecuteFunctions,
	projectId: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<SpendAlert[]> {
	const all: SpendAlert[] = [];
	for await (const page of listPages.call(this, { path: spendAlertsPath(projectId), itemIndex, ...limits }))
		all.push(...(page as SpendAlert[]));
	return all;
}

export async function readSpendAlert(
	this: IExecuteFunctions,
	projectId: string,
	alertId: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<SpendAlert> {
	const response = await openAiRequest.call(this, {
		method: 'GET',
		path: `${spendAlertsPath(projectId)}/${encodeURIComponent(alertId)}`,
		itemIndex,
		subject: `spend alert ${alertId} of project ${projectId}`,
		...limits,
	});
	return response.body as SpendAlert;
}

/** The "Spend Alert" locator's value, checked before any request. */
export function getAlertId(this: IExecuteFunctions, itemIndex: number): string {
	const alertId = String(this.getNodeParameter('alertId', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!alertId) {
		throw new NodeOperationError(this.getNode(), '"Spend Alert" is empty: pick an alert from the list or enter its ID', {
			itemIndex,
			description: 'Pick the project first, then its alert; "Get Many" spend alerts lists their IDs.',
		});
	}
	return alertId;
}
