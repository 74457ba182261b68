import { isObject, type Handler, type HandlerContext } from '../context';
import * as E from '../errors';
import type { SpendAlertRecord } from '../projectControls';
import { randomAlphanumeric } from '../random';
import { changeControls, cursorPage, readControls, requireBody } from './controlsCommon';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function spendAlertJson(alert: SpendAlertRecord, object = 'project.spend_alert') {
	return {
		id: alert.id,
		object,
		threshold_amount: alert.thresholdAmount,
		currency: alert.currency,
		interval: alert.interval,
		notification_channel: { type: 'email', recipients: alert.recipients, subject_prefix: alert.subjectPrefix },
	};
}

// ours: OpenAI's text is not verified.
const spendAlertNotFound = (id: string) =>
	new E.OpenAiError(404, `No spend alert found with id '${id}'.`, 'invalid_request_error', 'not_found', 'alert_id');

/** Reads a create or update body (the contract's CreateSpendAlertBody, every field required, amounts in cents). */
export function readSpendAlertBody(raw: unknown): Omit<SpendAlertRecord, 'id'> {
	const body = requireBody(raw);
	for (const field of ['threshold_amount', 'currency', 'interval', 'notification_channel'])
		if (body[field] === undefined || body[field] === null) throw E.missingParameter(field);
	const threshold = body.threshold_amount;
	if (typeof threshold !== 'number' || !Number.isInteger(threshold))
		throw E.invalidType('threshold_amount', 'an integer (an amount in cents)', threshold);
	if (threshold < 0) throw E.invalidValue('threshold_amount', `the amount in cents must be 0 or more, but got ${threshold}.`);
	if (body.currency !== 'USD') throw E.invalidValue('currency', "expected one of 'USD'.");
	if (body.interval !== 'month') throw E.invalidValue('interval', "expected one of 'month'.");
	const channel = body.notification_channel;
	if (!isObject(channel)) throw E.invalidType('notification_channel', 'an object', channel);
	if (channel.type !== 'email') throw E.invalidValue('notification_channel.type', "expected one of 'email'.");
	const recipients = channel.recipients;
	if (!Array.isArray(recipients)) throw E.invalidType('notification_channel.recipients', 'an array', recipients);
	// ours: an alert nobody receives is refused.
	if (recipients.length === 0)
		throw E.invalidValue('notification_channel.recipients', 'at least one email address is required.');
	for (const recipient of recipients)
		if (typeof recipient !== 'string' || !EMAIL.test(recipient))
			throw E.invalidValue('notification_channel.recipients', `'${String(recipient)}' is not an email address.`);
	const prefix = channel.subject_prefix;
	if (prefix !== undefined && prefix !== null && typeof prefix !== 'string')
		throw E.invalidType('notification_channel.subject_prefix', 'a string', prefix);
	return {
		thresholdAmount: threshold,
		currency: 'USD',
		interval: 'month',
		recipients: recipients as string[],
		subjectPrefix: (prefix as string | null | undefined) ?? null,
	};
}

export function findAlert(context: HandlerContext, alerts: SpendAlertRecord[]): SpendAlertRecord {
	const alert = alerts.find((candidate) => candidate.id === context.params.alert_id);
	if (!alert) throw spendAlertNotFound(context.params.alert_id);
	return alert;
}

/** GET /organization/projects/{project_id}/spend_alerts: oldest first (`order=asc`), 20 a page by default. */
export const listProjectSpendAlerts: Handler = (context) => {
	const { controls } = readControls(context);
	const page = cursorPage(context, controls.spendAlerts, { defaultLimit: 20, minLimit: 0, maxLimit: 100, ordered: true });
	return { body: { ...page, data: page.data.map((alert) => spendAlertJson(alert)) } };
};

/** A new alert from a create body, with a fresh ID. */
export function newSpendAlert(context: HandlerContext): SpendAlertRecord {
	return { id: `alert_${randomAlphanumeric(context.world.random, 20)}`, ...readSpendAlertBody(context.body) };
}

export const createProjectSpendAlert: Handler = (context) => {
	const { controls } = changeControls(context);
	const alert = newSpendAlert(context);
	controls.spendAlerts.push(alert);
	return { body: spendAlertJson(alert) };
};

export const retrieveProjectSpendAlert: Handler = (context) => {
	const { controls } = readControls(context);
	return { body: spendAlertJson(findAlert(context, controls.spendAlerts)) };
};

/** POST …/spend_alerts/{alert_id}: the whole alert is sent again (the contract's body has every field required). */
export const updateProjectSpendAlert: Handler = (context) => {
	const { controls } = changeControls(context);
	const alert = findAlert(context, controls.spendAlerts);
	Object.assign(alert, readSpendAlertBody(context.body));
	return { body: spendAlertJson(alert) };
};

export const deleteProjectSpendAlert: Handler = (context) => {
	const { controls } = changeControls(context);
	const alert = findAlert(context, controls.spendAlerts);
	controls.spendAlerts.splice(controls.spendAlerts.indexOf(alert), 1);
	return { body: { id: alert.id, object: 'project.spend_alert.deleted', deleted: true } };
};
