import type { IDataObject } from 'n8n-workflow';

import { utcIso } from '../time/dates';
import { listPages } from '../transport';
import type { Explanation, OpenAiFunctions, RefusalExplainer } from '../transport';

export const AUDIT_LOGS_PATH = '/organization/audit_logs';

/** What OpenAI can narrow an audit-log listing to; every list empty means "all". */
export interface AuditLogFilter {
	/** Unix seconds, each bound optional: `effective_at[gte]` and `effective_at[lt]`. */
	from?: number;
	until?: number;
	eventTypes: string[];
	projectIds: string[];
	actorIds: string[];
	actorEmails: string[];
	resourceIds: string[];
	/** The tenant-scoped log (`tenant_only=true`): its event types only, which the organization's log never has. */
	tenantOnly?: boolean;
}

export const NO_AUDIT_LOG_FILTER: AuditLogFilter = {
	eventTypes: [],
	projectIds: [],
	actorIds: [],
	actorEmails: [],
	resourceIds: [],
};

/** The query of a filter: the time bounds as `effective_at[gte]`, the lists as `event_types[]=…` (brackets). */
export function auditLogQuery(filter: AuditLogFilter): IDataObject {
	const qs: IDataObject = {};
	if (filter.from !== undefined) qs['effective_at[gte]'] = filter.from;
	if (filter.until !== undefined) qs['effective_at[lt]'] = filter.until;
	const lists: Array<[string, string[]]> = [
		['event_types', filter.eventTypes],
		['project_ids', filter.projectIds],
		['actor_ids', filter.actorIds],
		['actor_emails', filter.actorEmails],
		['resource_ids', filter.resourceIds],
	];
	for (const [name, values] of lists) if (values.length > 0) qs[name] = values;
	if (filter.tenantOnly) qs.tenant_only = true;
	return qs;
}

export interface AuditLogRequest {
	filter: AuditLogFilter;
	itemIndex?: number;
	/** At most this many events will be read: bounds the page size and the pages. */
	wanted?: number;
	maxRetries?: number;
	timeoutMs?: number;
}

const MAX_PAGE_SIZE = 100;

/** The events of a filter, newest first as OpenAI lists them, page by page (`after` = the last id read). */
export async function* readAuditLogPages(
	this: OpenAiFunctions,
	{ filter, wanted, ...rest }: AuditLogRequest,
): AsyncGenerator<IDataObject[]> {
	const bounded = wanted !== undefined && Number.isFinite(wanted);
	yield* listPages.call(this, {
		...rest,
		path: AUDIT_LOGS_PATH,
		qs: auditLogQuery(filter),
		arrayFormat: 'brackets',
		pageSize: bounded ? Math.max(1, Math.min(MAX_PAGE_SIZE, Math.ceil(wanted))) : MAX_PAGE_SIZE,
		wanted: bounded ? wanted : undefined,
	});
}

function objectAt(value: unknown): IDataObject | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

function textAt(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * One event as one flat item: who did it (a user in a browser session, or an API key of a user or a service
 * account), when, in which project, on what resource, and the event's own payload as OpenAI sent it.
 */
export function toAuditLogItem(event: IDataObject): IDataObject {
	const type = String(event.type ?? '');
	const effectiveAt = typeof event.effective_at === 'number' ? event.effective_at : null;
	const actor = objectAt(event.actor);
	const session = objectAt(actor?.session);
	const apiKey = objectAt(actor?.api_key);
	const user = objectAt(session?.user) ?? objectAt(apiKey?.user);
	const payload = objectAt(event[type]) ?? {};
	const project = objectAt(event.project);
	return {
		id: event.id,
		type,
		effectiveAt: effectiveAt === null ? null : utcIso(effectiveAt),
		effectiveAtUnix: effectiveAt,
		actorType: textAt(actor?.type),
		actorUserId: textAt(user?.id),
		actorEmail: textAt(user?.email),
		actorApiKeyId: textAt(apiKey?.id),
		actorServiceAccountId: textAt(objectAt(apiKey?.service_account)?.id),
		actorIpAddress: textAt(session?.ip_address),
		projectId: textAt(project?.id),
		projectName: textAt(project?.name),
		resourceId: textAt(payload.id),
		payload,
		actor: actor ?? null,
	};
}

/**
 * Said when OpenAI refuses the audit log because audit logging was never turned on for the organization. OpenAI's
 * exact words for it are not on record, so any refusal of /organization/audit_logs that speaks of audit logging
 * being off (not enabled, disabled, to be activated) is read as this.
 */
export const AUDIT_LOGGING_OFF: Explanation = {
	message: 'Audit logging is not enabled for this organization, so OpenAI keeps no audit log to read',
	fix: 'An Organization Owner turns it on at platform.openai.com/settings/organization/data-controls/data-retention ("Audit logging", Enable, Save). Only events after that are logged, and once on it cannot be turned off again.',
};

export const explainAuditLoggingOff: RefusalExplainer = (failure, request) => {
	if (!request.path.startsWith(AUDIT_LOGS_PATH) || failure.status === undefined) return undefined;
	if (failure.status < 400 || failure.status >= 500 || failure.status === 401 || failure.status === 429) return undefined;
	const text = `${failure.openAiCode ?? ''} ${failure.openAiMessage ?? ''}`;
	const off = /audit[ _-]?log/i.test(text) && /not (enabled|activated|turned on)|disabled|(enable|activate)/i.test(text);
	return off ? AUDIT_LOGGING_OFF : undefined;
};
