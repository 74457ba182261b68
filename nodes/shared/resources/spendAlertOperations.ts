import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { destructiveOperation, planSentence } from '../execution/destructiveOperation';
import { findInListing } from '../execution/listingLookup';
import { readLimit } from '../execution/listLimit';
import type { PreparedItem } from '../execution/operation';
import { readRequestLimits } from '../execution/requestOptions';
import { optionsCollection, updateFieldsCollection } from '../parameters/collections';
import { getManyProperties } from '../parameters/getMany';
import { getManyOperation, operationOn, operationProperty } from '../parameters/operations';
import { listPages, openAiRequest } from '../transport';
import { CURRENCY, dollarAmountProperty, dollarsToCents, INTERVAL, withDollarAmounts } from './money';
import { getAlertId, listSpendAlerts, readRecipients, readSpendAlert, sameThreshold, spendAlertLocator } from './spendAlerts';
import type { SpendAlert } from './spendAlerts';
import type { SpendScope } from './spendScope';

/**
 * The spend alert operations (create, get, get many, update, delete), written once for a project's alerts and the
 * organization's: each node's `actions/spendAlert/*.operation.ts` is one of these on its SpendScope.
 */

const show = (operation: string) => ({ show: { resource: ['spendAlert'], operation: [operation] } });
const alertPath = (scope: SpendScope, owner: string, alertId: string) => `${scope.alertsPath(owner)}/${encodeURIComponent(alertId)}`;
const alertWords = (scope: SpendScope, owner: string, alertId: string) => `spend alert ${alertId} of ${scope.words(owner)}`;

const recipientsProperty: INodeProperties = {
	displayName: 'Email Recipients',
	name: 'recipients',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'finance@example.com, cto@example.com',
	description: 'Who gets the alert email, separated by commas',
};

const subjectPrefixProperty: INodeProperties = {
	displayName: 'Email Subject Prefix',
	name: 'subjectPrefix',
	type: 'string',
	default: '',
	placeholder: 'OpenAI spend alert',
	description: "Text put before the alert email's subject",
};

/** Create, with "Skip if an Alert at This Threshold Exists", Dry Run, and no second alert after a lost answer. */
export function spendAlertCreate(scope: SpendScope) {
	const description = updateDisplayOptions(show('create'), [
		...scope.ownerFields('The project to watch'),
		dollarAmountProperty({
			description: `Email the recipients when ${scope.whose} spend in a calendar month reaches this many US dollars`,
		}),
		recipientsProperty,
		optionsCollection([
			{
				displayName: 'Skip if an Alert at This Threshold Exists',
				name: 'skipIfExists',
				type: 'boolean',
				default: false,
				description: `Whether to create nothing when ${scope.whose.replace(/'s$/, '')} already has an alert at this threshold, and return that alert instead, so a scheduled workflow can run again without making duplicates`,
			},
			{
				displayName: 'Dry Run',
				name: 'dryRun',
				type: 'boolean',
				default: false,
				description: 'Whether to only check and return the alert that would be created, in a plan, without creating anything',
			},
			subjectPrefixProperty,
		]),
	]);

	function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
		const owner = scope.owner.call(this, itemIndex);
		const cents = dollarsToCents.call(this, this.getNodeParameter('thresholdUsd', itemIndex), itemIndex, 0);
		const recipients = readRecipients.call(this, this.getNodeParameter('recipients', itemIndex, ''), itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const subjectPrefix = String(options.subjectPrefix ?? '').trim();
		const limits = readRequestLimits.call(this, itemIndex);
		const path = scope.alertsPath(owner);
		const body: IDataObject = {
			threshold_amount: cents,
			currency: CURRENCY,
			interval: INTERVAL,
			notification_channel: { type: 'email', recipients, ...(subjectPrefix ? { subject_prefix: subjectPrefix } : {}) },
		};

		// A scheduled example may ship in Dry Run: its first click shows what it would create, and creates nothing.
		const plan = (existing: SpendAlert | undefined): IDataObject[] => {
			const alert = `a spend alert (${String(withDollarAmounts(body).threshold_text)}, emailing ${recipients.join(', ')}) for ${scope.words(owner)}`;
			const done = existing ? `${scope.words(owner)} has an alert at this threshold already (${existing.id}).` : undefined;
			const sentence = planSentence({ verb: 'create', pastTense: 'created', items: 'spend alerts' }, alert, '', done);
			return [scope.item(owner, existing ?? body, { dryRun: true, wouldCreate: !existing, plan: sentence })];
		};

		const send = async () => {
			const existing =
				options.skipIfExists === true ? (await listSpendAlerts.call(this, path, itemIndex, limits)).find(sameThreshold(cents)) : undefined;
			if (options.dryRun === true) return plan(existing);
			if (existing) return [scope.item(owner, existing, { created: false, alreadyExisted: true })];
			const response = await openAiRequest.call(this, {
				method: 'POST',
				path,
				body,
				itemIndex,
				subject: scope.words(owner),
				...limits,
				// A create must not run twice: after a lost answer, an alert like this one means it went through.
				notIdempotent: true,
				findLostResult: async () =>
					(await listSpendAlerts.call(this, path, itemIndex, limits)).find(
						(alert) =>
							sameThreshold(cents)(alert) &&
							[...alert.notification_channel.recipients].sort().join() === [...recipients].sort().join(),
					),
			});
			const extra: IDataObject = { created: true, alreadyExisted: false };
			if (response.recovered) extra.recoveredAfterLostResponse = true;
			return [scope.item(owner, response.body as IDataObject, extra)];
		};
		return { send };
	}
	return { description, prepare };
}

export function spendAlertGet(scope: SpendScope) {
	const description = updateDisplayOptions(show('get'), [...scope.ownerFields(), spendAlertLocator]);
	function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
		const owner = scope.owner.call(this, itemIndex);
		const alertId = getAlertId.call(this, itemIndex);
		const limits = readRequestLimits.call(this, itemIndex);
		const read = async () =>
			await readSpendAlert.call(this, alertPath(scope, owner, alertId), alertWords(scope, owner, alertId), itemIndex, limits);
		return { send: async () => [scope.item(owner, await read())] };
	}
	return { description, prepare };
}

export function spendAlertGetAll(scope: SpendScope) {
	const description = updateDisplayOptions(show('getAll'), [
		...scope.ownerFields('The project whose spend alerts to list'),
		...getManyProperties(),
	]);
	function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
		const owner = scope.owner.call(this, itemIndex);
		const limit = readLimit.call(this, itemIndex, 'spend alert');
		const limits = readRequestLimits.call(this, itemIndex);
		const send = async () => {
			const found: IDataObject[] = [];
			for await (const page of listPages.call(this, { path: scope.alertsPath(owner), itemIndex, wanted: limit, ...limits })) {
				for (const alert of page) {
					found.push(scope.item(owner, alert));
					if (found.length >= limit) return found;
				}
			}
			return found;
		};
		return { send };
	}
	return { description, prepare };
}

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

export function spendAlertUpdate(scope: SpendScope) {
	const description = updateDisplayOptions(show('update'), [
		...scope.ownerFields(),
		spendAlertLocator,
		updateFieldsCollection('What to change; the rest of the alert stays as it is', [
			dollarAmountProperty({
				required: false,
				description: `The new threshold: ${scope.whose} monthly spend in US dollars that sends the email`,
			}),
			{
				...recipientsProperty,
				required: false,
				description: 'Who gets the alert email from now on, separated by commas (replaces the current list)',
			},
			{ ...subjectPrefixProperty, placeholder: '' },
		]),
	]);
	function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
		const owner = scope.owner.call(this, itemIndex);
		const alertId = getAlertId.call(this, itemIndex);
		const changes = readChanges.call(this, itemIndex);
		const limits = readRequestLimits.call(this, itemIndex);
		const path = alertPath(scope, owner, alertId);
		const subject = alertWords(scope, owner, alertId);
		const send = async () => {
			// OpenAI's update takes the whole alert (every field required): the current one, with the changes.
			const current = await readSpendAlert.call(this, path, subject, itemIndex, limits);
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
			const response = await openAiRequest.call(this, { method: 'POST', path, body, itemIndex, subject, ...limits });
			return [scope.item(owner, response.body as IDataObject)];
		};
		return { send };
	}
	return { description, prepare };
}

/** Delete, in the one destructive shape: every alert checked first, Dry Run as a plan, Max per Run. */
export function spendAlertDelete(scope: SpendScope) {
	return destructiveOperation<{ owner: string; alertId: string }>({
		rules: { verb: 'delete', pastTense: 'deleted', items: 'spend alerts' },
		show: show('delete').show,
		fields: [...scope.ownerFields(), spendAlertLocator],
		target(itemIndex) {
			return { owner: scope.owner.call(this, itemIndex), alertId: getAlertId.call(this, itemIndex) };
		},
		async find({ owner, alertId }, context) {
			await scope.requireChangeable?.call(this, owner, context, 'nothing was deleted.');
			const { itemIndex, limits } = context;
			return await findInListing.call(this, { path: scope.alertsPath(owner), itemIndex, ...limits }, alertId, async () =>
				await readSpendAlert.call(this, alertPath(scope, owner, alertId), alertWords(scope, owner, alertId), itemIndex, limits),
			);
		},
		describe: (alert, { owner, alertId }) => {
			const { threshold_text: threshold } = withDollarAmounts(alert);
			return `spend alert ${alertId}${threshold ? ` (${String(threshold)})` : ''} of ${scope.words(owner)}`;
		},
		item: (alert, { owner }, extra) => scope.item(owner, alert, extra),
		async change({ owner, alertId }, _alert, { itemIndex, limits }) {
			const response = await openAiRequest.call(this, {
				method: 'DELETE',
				path: alertPath(scope, owner, alertId),
				itemIndex,
				subject: alertWords(scope, owner, alertId),
				...limits,
			});
			return scope.item(owner, response.body as IDataObject);
		},
	});
}

/** The "Operation" field of the spend alert resource, for `scope`'s alerts (the node's owner in words: 'a project'). */
export function spendAlertOperationProperty(scope: SpendScope, ownerWords: string): INodeProperties {
	return operationProperty('spendAlert', [
		operationOn('spend alert', 'create', `Email people when ${scope.whose} monthly spend reaches an amount in US dollars`),
		operationOn('spend alert', 'delete', `Delete a spend alert of ${ownerWords}`),
		operationOn('spend alert', 'get', `Get one spend alert of ${ownerWords}`),
		getManyOperation(`Get the spend alerts of ${ownerWords}`, `List the spend alerts of ${ownerWords}`),
		operationOn('spend alert', 'update', "Change an alert's threshold, recipients or subject prefix"),
	]);
}
