import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RequestLimits } from '../execution/requestOptions';
import { listLocator } from '../parameters/locators';
import { listPages, openAiRequest } from '../transport';
import { CURRENCY, formatDollars, INTERVAL } from './money';

export interface SpendAlert extends IDataObject {
	id: string;
	threshold_amount: number;
	currency: string;
	interval: string;
	notification_channel: { type: string; recipients: string[]; subject_prefix?: string | null };
}

/** "Spend Alert": one alert of the project (or the organization), picked from its list or given by ID. */
export const spendAlertLocator: INodeProperties = listLocator({
	displayName: 'Spend Alert',
	name: 'alertId',
	description: 'Which spend alert: pick it from the list or enter its ID',
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

/** An alert at this threshold (in cents), in the only currency and interval OpenAI has. */
export const sameThreshold = (cents: number) => (alert: SpendAlert) =>
	alert.threshold_amount === cents && alert.currency === CURRENCY && alert.interval === INTERVAL;

/** The alert picker's line: "$1,000.00 per month → finance@example.com". */
export function spendAlertLabel(alert: IDataObject): string {
	const recipients = (alert.notification_channel as { recipients?: string[] } | undefined)?.recipients ?? [];
	return `${formatDollars(Number(alert.threshold_amount))} per ${String(alert.interval)} → ${recipients.join(', ')}`;
}

/** Every alert in the list at `path` (a project's or the organization's), as it is now. */
export async function listSpendAlerts(
	this: IExecuteFunctions,
	path: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<SpendAlert[]> {
	const all: SpendAlert[] = [];
	for await (const page of listPages.call(this, { path, itemIndex, ...limits })) all.push(...(page as SpendAlert[]));
	return all;
}

/** One alert; `subject` names it in a 404, e.g. "spend alert alert_abc of project proj_abc". */
export async function readSpendAlert(
	this: IExecuteFunctions,
	alertPath: string,
	subject: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<SpendAlert> {
	const response = await openAiRequest.call(this, { method: 'GET', path: alertPath, itemIndex, subject, ...limits });
	return response.body as SpendAlert;
}

/** The "Spend Alert" locator's value, checked before any request. */
export function getAlertId(this: IExecuteFunctions, itemIndex: number): string {
	const alertId = String(this.getNodeParameter('alertId', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!alertId) {
		throw new NodeOperationError(this.getNode(), '"Spend Alert" is empty: pick an alert from the list or enter its ID', {
			itemIndex,
			description: 'Pick the alert from the list (in OpenAI Projects, pick the project first); "Get Many" spend alerts lists their IDs.',
		});
	}
	return alertId;
}
