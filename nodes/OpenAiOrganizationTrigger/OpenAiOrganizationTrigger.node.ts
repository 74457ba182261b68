import { DateTime } from 'luxon';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

// Every request of this node explains its resources' refusals in their words (Default project, audit logging…).
import '../shared/resources/refusals';
import { AUDIT_LOG_EVENT_TYPE_OPTIONS, AUDIT_LOG_EVENT_TYPES } from '../shared/auditLogs/eventTypes';
import { readList } from '../shared/execution/lists';
import { ORGANIZATION_ENTRY_DESCRIPTION } from '../shared/parameters/panelEntry';
import { eventsSubtitle } from '../shared/parameters/subtitle';
import { projectPickerList, readPickedProjectIds, typedProjectIdsField } from '../shared/parameters/projectPicker';
import { searchProjects } from '../shared/methods/organizationSearch';
import { auditLogFeed, tenantAuditLogFeed } from './feeds/auditLogFeed';
import type { Commit, Feed, TriggerEvent, TriggerSettings, TriggerState } from './feeds/feed';
import { keyFeed } from './feeds/keyFeed';
import { PollBudget } from './feeds/pollBudget';
import { projectFeed } from './feeds/projectFeed';
import { spendFeed } from './feeds/spendFeed';
import { optionsCollection } from '../shared/parameters/collections';
import { choiceProperty } from '../shared/parameters/choices';

const FEEDS: readonly Feed[] = [auditLogFeed, tenantAuditLogFeed, projectFeed, spendFeed, keyFeed];
const EVENTS: readonly TriggerEvent[] = [
	'auditLog',
	'groupChanged',
	'roleChanged',
	'certificateChanged',
	'adminKeyChanged',
	'projectCreated',
	'projectArchived',
	'spendThreshold',
	'keyUnused',
];

// n8n's node panel lists each event option as an action of its own, named by its `action` text; without one it
// makes "On <name in lower case>" ("On api key not used for n days"). The subtitle reads the same texts. Each event:
// its name, value, the action text, and its description, sorted by name.
const EVENT_OPTIONS: Array<[name: string, value: string, action: string, description: string]> = [
	['Admin API Key Created or Deleted', 'adminKeyChanged', 'On an admin API key created or deleted',
		'An admin API key was created, changed or deleted (from the tenant-scoped audit log)'],
	['API Key Unused for Days', 'keyUnused', 'On an API key unused for days',
		'A project API key has not been used for the given days (a stale key)'],
	['Certificate Changed', 'certificateChanged', 'On a certificate changed',
		'A certificate was uploaded, renamed, deleted, activated or deactivated (audit logging must be on)'],
	['Group Changed', 'groupChanged', 'On a group changed',
		'A group was created, renamed or deleted (audit logging must be on)'],
	['New Audit-Log Event', 'auditLog', 'On a new audit-log event',
		'An event of the chosen types was logged (audit logging must be on)'],
	['Project Archived', 'projectArchived', 'On a project archived',
		'A project of the organization was archived'],
	['Project Created', 'projectCreated', 'On a project created',
		'A project was created in the organization'],
	['Role Changed', 'roleChanged', 'On a role or role assignment changed',
		'A custom role was created, changed or deleted, or a role was assigned or unassigned (audit logging must be on)'],
	['Spend Crossed a Threshold', 'spendThreshold', 'On spend crossing a threshold',
		"The organization's or a project's spend this day or month reached the amount"],
];

const eventsProperty: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	default: ['auditLog'],
	options: EVENT_OPTIONS.map(([name, value, action, description]) => ({ name, value, action, description })),
};

export class OpenAiOrganizationTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenAI Organization Trigger',
		name: 'openAiOrganizationTrigger',
		icon: { light: 'file:openAiOrganizationTrigger.svg', dark: 'file:openAiOrganizationTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(eventsProperty),
		// n8n's node panel shows this trigger inside the OpenAI Organization entry (it merges a trigger into the node
		// whose type name is its own without "Trigger"), and that entry shows the trigger's description: one text
		// serves both.
		description: ORGANIZATION_ENTRY_DESCRIPTION,
		defaults: { name: 'OpenAI Organization Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openAiAdminApi', required: true }],
		properties: [
			eventsProperty,
			{
				displayName: 'Audit-Log Event Types',
				name: 'auditEventTypes',
				type: 'multiOptions',
				options: AUDIT_LOG_EVENT_TYPE_OPTIONS,
				default: [],
				description: 'Which events start the workflow; none chosen: every event',
				displayOptions: { show: { events: ['auditLog'] } },
			},
			{
				displayName: 'Spend Threshold (USD)',
				name: 'spendThreshold',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 100,
				description: 'The amount that, once reached in the period, starts the workflow (once per period)',
				displayOptions: { show: { events: ['spendThreshold'] } },
			},
			{
				...choiceProperty({ displayName: 'Spend Period', name: 'spendPeriod', default: 'month' }, [
					{ name: 'Current Day (UTC)', value: 'day' },
					{ name: 'Current Month (UTC)', value: 'month' },
				]),
				displayOptions: { show: { events: ['spendThreshold'] } },
			},
			{
				...projectPickerList({
					name: 'spendProjectList',
					displayName: 'Spend of Projects',
					description: "Watch each of these projects' spend; none added: the whole organization's",
				}),
				displayOptions: { show: { events: ['spendThreshold'] } },
			},
			{
				...typedProjectIdsField({
					displayName: 'Spend of Project IDs',
					name: 'spendProjectIds',
					type: 'string',
					default: '',
					placeholder: 'e.g. proj_abc, proj_def',
				}),
				displayOptions: { show: { events: ['spendThreshold'], spendProjectIds: [{ _cnd: { exists: true } }] } },
			},
			{
				displayName: 'Unused for Days',
				name: 'unusedDays',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30,
				description: 'A key not used for this many days (or, never used, created that long ago) starts the workflow once',
				displayOptions: { show: { events: ['keyUnused'] } },
			},
			optionsCollection([
				{
					displayName: 'Backfill (Hours)',
					name: 'backfillHours',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description:
						'On the first poll after activation, also emit what happened this many hours before (and a threshold or idle key already reached). 0: only what happens from now on.',
				},
			]),
		],
	};

	methods = { listSearch: { searchProjects } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readSettings.call(this);
		const now = Math.floor(DateTime.utc().toSeconds());
		const watched = FEEDS.filter((feed) => feed.watches(settings));
		const budget = new PollBudget(this.getNode());
		const items: IDataObject[] = [];
		if (this.getMode() === 'manual') {
			// "Fetch Test Event": the latest real event of each watched feed; what the trigger remembers is untouched.
			for (const feed of watched) items.push(...(await feed.latest.call(this, settings, now, budget)));
		} else {
			const state = this.getWorkflowStaticData('node') as TriggerState;
			// Every feed reads first, and the state changes only once all have read: a poll that fails part way (a
			// 429, a 5xx, the budget spent) leaves it as it was, and the next poll reads the same again.
			const commits: Commit[] = [];
			for (const feed of watched) commits.push(await feed.read.call(this, settings, state, now, budget));
			// From here to the return nothing is awaited: what is new is decided against the state as it is now, so
			// a poll n8n runs twice for one window, overlapping this one, never emits the same event again.
			for (const commit of commits) items.push(...commit(state));
		}
		return items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
}

function readSettings(this: IPollFunctions): TriggerSettings {
	const fail = (message: string, description: string) =>
		new NodeOperationError(this.getNode(), message, { description });
	const events = readList(this.getNodeParameter('events', [])) as TriggerEvent[];
	if (events.length === 0) throw fail('"Events" is empty', 'Choose at least one event to watch.');
	const unknownEvent = events.find((event) => !EVENTS.includes(event));
	if (unknownEvent) throw fail(`"Events" holds "${unknownEvent}", which is not one of them`, 'Pick the events from the list.');
	const watches = (event: TriggerEvent) => events.includes(event);

	const auditEventTypes = watches('auditLog') ? readList(this.getNodeParameter('auditEventTypes', [])) : [];
	const unknownType = auditEventTypes.find((type) => !AUDIT_LOG_EVENT_TYPES.includes(type));
	if (unknownType) {
		throw fail(`"Audit-Log Event Types" holds "${unknownType}", which is not an audit-log event type`, 'Pick the types from the list; names look like api_key.created or user.added.');
	}
	const spendThreshold = watches('spendThreshold') ? Number(this.getNodeParameter('spendThreshold', 100)) : 0;
	if (!(spendThreshold >= 0) || !Number.isFinite(spendThreshold)) {
		throw fail(`"Spend Threshold (USD)" must be an amount of 0 or more, not ${spendThreshold}`, 'Enter the amount in US dollars, e.g. 250.');
	}
	const spendPeriod = watches('spendThreshold') ? (this.getNodeParameter('spendPeriod', 'month') as 'day' | 'month') : 'month';
	if (spendPeriod !== 'day' && spendPeriod !== 'month') throw fail(`"Spend Period" must be day or month, not "${spendPeriod}"`, 'Pick the period from the list.');
	const spendProjectIds = watches('spendThreshold')
		? readPickedProjectIds.call(
				this,
				{ name: 'spendProjectList', label: 'Spend of Projects' },
				{ name: 'spendProjectIds', label: 'Spend of Project IDs' },
			)
		: [];
	const unusedDays = watches('keyUnused') ? Number(this.getNodeParameter('unusedDays', 30)) : 30;
	if (!Number.isInteger(unusedDays) || unusedDays < 1) {
		throw fail(`"Unused for Days" must be a whole number of at least 1, not ${unusedDays}`, 'Enter a number of days, e.g. 30.');
	}
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const backfillHours = Number(options.backfillHours ?? 0);
	if (!(backfillHours >= 0) || !Number.isFinite(backfillHours)) {
		throw fail(`"Backfill (Hours)" must be 0 or more, not ${String(options.backfillHours)}`, 'Enter 0 to emit only what happens from now on.');
	}
	return {
		events,
		auditEventTypes,
		spendThreshold,
		spendPeriod,
		spendProjectIds,
		unusedDays,
		backfillSeconds: Math.round(backfillHours * 3_600),
	};
}
