import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { openAiRequest } from '../../../shared/transport';
import { planSentence } from '../../../shared/execution/destructiveOperation';
import { CURRENCY, dollarAmountProperty, dollarsToCents, INTERVAL, withDollarAmounts } from '../../../shared/resources/money';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { listSpendAlerts, readRecipients, spendAlertsPath, toSpendAlertItem } from '../../helpers/spendAlerts';
import type { SpendAlert } from '../../helpers/spendAlerts';
import { optionsCollection } from '../../../shared/parameters/collections';

const properties: INodeProperties[] = [
	{ ...projectLocator, description: 'The project to watch' },
	dollarAmountProperty({
		description: "Email the recipients when the project's spend in a calendar month reaches this many US dollars",
	}),
	{
		displayName: 'Email Recipients',
		name: 'recipients',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'finance@example.com, cto@example.com',
		description: 'Who gets the alert email, separated by commas',
	},
	optionsCollection([
		{
			displayName: 'Skip if an Alert at This Threshold Exists',
			name: 'skipIfExists',
			type: 'boolean',
			default: false,
			description:
				'Whether to create nothing when the project already has an alert at this threshold, and return that alert instead, so a scheduled workflow can run again without making duplicates',
		},
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description:
				'Whether to only check each project and return the alert that would be created, in a plan, without creating anything',
		},
		{
			displayName: 'Email Subject Prefix',
			name: 'subjectPrefix',
			type: 'string',
			default: '',
			placeholder: 'OpenAI spend alert',
			description: "Text put before the alert email's subject",
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['spendAlert'], operation: ['create'] } }, properties);

const sameThreshold = (cents: number) => (alert: SpendAlert) =>
	alert.threshold_amount === cents && alert.currency === CURRENCY && alert.interval === INTERVAL;

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const cents = dollarsToCents.call(this, this.getNodeParameter('thresholdUsd', itemIndex), itemIndex, 0);
	const recipients = readRecipients.call(this, this.getNodeParameter('recipients', itemIndex, ''), itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const subjectPrefix = String(options.subjectPrefix ?? '').trim();
	const limits = readRequestLimits.call(this, itemIndex);
	const body: IDataObject = {
		threshold_amount: cents,
		currency: CURRENCY,
		interval: INTERVAL,
		notification_channel: { type: 'email', recipients, ...(subjectPrefix ? { subject_prefix: subjectPrefix } : {}) },
	};

	// A scheduled example may ship in Dry Run: its first click shows what it would create, and creates nothing.
	const plan = (existing: SpendAlert | undefined): IDataObject[] => {
		const alert = `a spend alert (${String(withDollarAmounts(body).threshold_text)}, emailing ${recipients.join(', ')}) for project ${projectId}`;
		const done = existing ? `project ${projectId} has an alert at this threshold already (${existing.id}).` : undefined;
		const sentence = planSentence({ verb: 'create', pastTense: 'created', items: 'spend alerts' }, alert, '', done);
		return [toSpendAlertItem(projectId, existing ?? body, { dryRun: true, wouldCreate: !existing, plan: sentence })];
	};

	const send = async () => {
		const existing =
			options.skipIfExists === true
				? (await listSpendAlerts.call(this, projectId, itemIndex, limits)).find(sameThreshold(cents))
				: undefined;
		if (options.dryRun === true) return plan(existing);
		if (existing) return [toSpendAlertItem(projectId, existing, { created: false, alreadyExisted: true })];
		const response = await openAiRequest.call(this, {
			method: 'POST',
			path: spendAlertsPath(projectId),
			body,
			itemIndex,
			subject: `project ${projectId}`,
			...limits,
			// A create must not run twice: after a lost answer, an alert like this one means it went through.
			notIdempotent: true,
			findLostResult: async () =>
				(await listSpendAlerts.call(this, projectId, itemIndex, limits)).find(
					(alert) =>
						sameThreshold(cents)(alert) &&
						[...alert.notification_channel.recipients].sort().join() === [...recipients].sort().join(),
				),
		});
		const extra: IDataObject = { created: true, alreadyExisted: false };
		if (response.recovered) extra.recoveredAfterLostResponse = true;
		return [toSpendAlertItem(projectId, response.body as IDataObject, extra)];
	};
	return { send };
}
