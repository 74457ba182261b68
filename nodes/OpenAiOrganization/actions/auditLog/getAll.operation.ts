import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readAuditLogPages, toAuditLogItem } from '../../../shared/auditLogs/auditLogs';
import type { AuditLogFilter } from '../../../shared/auditLogs/auditLogs';
import { AUDIT_LOG_EVENT_TYPE_OPTIONS, AUDIT_LOG_EVENT_TYPES } from '../../../shared/auditLogs/eventTypes';
import type { PreparedItem } from '../../../shared/execution/operation';
import { readList } from '../../../shared/execution/lists';
import { checkProjectIds, projectIdsOfList, projectPickerList } from '../../../shared/parameters/projectPicker';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { readLimit } from '../../../shared/execution/listLimit';
import { getManyProperties } from '../../../shared/parameters/getMany';
import { toUnixSeconds } from '../../../shared/time/dates';
import type { BucketRules } from '../../../shared/time/timeRange';
import { readTimeRange, timeRangeProperties } from '../../../shared/time/timeRangeParameters';

/** Audit-log events are stamped to the second: the range is taken as given, not widened to buckets. */
const EVENT_TIMES: BucketRules = { bucketSeconds: 1, label: 'audit logs' };

const properties: INodeProperties[] = [
	...timeRangeProperties('When the events happened (their effective_at), in UTC days'),
	...getManyProperties([
		{
			displayName: 'Actor Emails',
			name: 'actorEmails',
			type: 'string',
			default: '',
			placeholder: 'e.g. alice@example.com, bob@example.com',
			description: 'Only events done by the users with these emails (comma-separated)',
		},
		{
			displayName: 'Actor IDs',
			name: 'actorIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. user-abc, svc_acct_abc, key_abc',
			description:
				'Only events done by these users, service accounts or API keys (comma-separated IDs; an API key by its tracking ID)',
		},
		{
			displayName: 'Event Types',
			name: 'eventTypes',
			type: 'multiOptions',
			options: AUDIT_LOG_EVENT_TYPE_OPTIONS,
			default: [],
			description:
				'Only events of these types, e.g. api_key.created and user.added',
		},
		{
			displayName: 'Project IDs',
			name: 'projectIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. proj_abc, proj_def',
			description: 'Only events in these projects (comma-separated project IDs, e.g. from an expression)',
		},
		projectPickerList({ name: 'projectList', displayName: 'Projects', description: 'Only events in these projects, picked from the organization' }),
		{
			displayName: 'Resource IDs',
			name: 'resourceIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. key_abc, proj_abc, invite-abc',
			description: 'Only events done to these things, e.g. an API key, a project or an invite (comma-separated IDs)',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['auditLog'], operation: ['getAll'] } }, properties);

interface ListRule {
	field: string;
	label: string;
	valid: (entry: string) => boolean;
	example: string;
}

const LIST_RULES: ListRule[] = [
	{ field: 'projectIds', label: 'Project IDs', valid: (id) => /^proj_[A-Za-z0-9_-]+$/.test(id), example: 'proj_abc123' },
	{ field: 'actorIds', label: 'Actor IDs', valid: (id) => /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(id), example: 'user-abc123' },
	{ field: 'actorEmails', label: 'Actor Emails', valid: (email) => /^[^\s@,]+@[^\s@,]+$/.test(email), example: 'alice@example.com' },
	{ field: 'resourceIds', label: 'Resource IDs', valid: (id) => /^[^\s,]+$/.test(id), example: 'key_abc123' },
];

function readFilter(this: IExecuteFunctions, itemIndex: number): AuditLogFilter {
	const raw = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const lists: Record<string, string[]> = {};
	for (const rule of LIST_RULES) {
		const entries = readList(raw[rule.field]);
		const wrong = entries.find((entry) => !rule.valid(entry));
		if (wrong !== undefined) {
			throw new NodeOperationError(this.getNode(), `"${rule.label}" holds "${wrong}", which is not one`, {
				itemIndex,
				description: `Separate several with commas, e.g. "${rule.example}".`,
			});
		}
		lists[rule.field] = entries;
	}
	const eventTypes = readList(raw.eventTypes);
	const unknownType = eventTypes.find((type) => !AUDIT_LOG_EVENT_TYPES.includes(type));
	if (unknownType !== undefined) {
		throw new NodeOperationError(this.getNode(), `"Event Types" holds "${unknownType}", which is not an audit-log event type`, {
			itemIndex,
			description: 'Pick the types from the list; names look like api_key.created or user.added.',
		});
	}
	const range = readTimeRange.call(this, itemIndex, EVENT_TIMES);
	return {
		from: toUnixSeconds(range.start),
		until: toUnixSeconds(range.end),
		eventTypes,
		projectIds: [...new Set([...lists.projectIds, ...checkProjectIds.call(this, projectIdsOfList(raw.projectList), 'Projects', itemIndex)])],
		actorIds: lists.actorIds,
		actorEmails: lists.actorEmails,
		resourceIds: lists.resourceIds,
	};
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const limit = readLimit.call(this, itemIndex, 'event of the range');
	const filter = readFilter.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		const events: IDataObject[] = [];
		for await (const page of readAuditLogPages.call(this, { filter, itemIndex, wanted: limit, ...limits })) {
			for (const event of page) {
				events.push(toAuditLogItem(event));
				if (events.length >= limit) return events;
			}
		}
		return events;
	};
	return { send };
}
