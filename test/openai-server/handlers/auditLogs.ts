import { auditLogJson, auditStore, type AuditLogEvent } from '../auditLogData';
import { nowSeconds, queryArray, queryValue, type Handler, type Query } from '../context';
import * as E from '../errors';
import { readLimit } from './projects';

/** The event types of the contract that the organization-wide log serves (tenant ones need tenant_only). */
const TENANT_TYPES = /^tenant\.|^role\.(bound_to|unbound_from)_resource$/;

const BOUNDS = ['gt', 'gte', 'lt', 'lte'] as const;

function readTimeBounds(query: Query): Array<(time: number) => boolean> {
	return BOUNDS.flatMap((bound) => {
		const raw = queryValue(query, `effective_at[${bound}]`);
		if (raw === undefined) return [];
		if (!/^\d+$/.test(raw)) throw E.invalidType(`effective_at[${bound}]`, 'an integer', raw);
		const value = Number(raw);
		if (bound === 'gt') return [(time: number) => time > value];
		if (bound === 'gte') return [(time: number) => time >= value];
		if (bound === 'lt') return [(time: number) => time < value];
		return [(time: number) => time <= value];
	});
}

function actorIdsOf(event: AuditLogEvent): string[] {
	const session = event.actor.session as { user?: { id?: string } } | undefined;
	const apiKey = event.actor.api_key as { id?: string; user?: { id?: string }; service_account?: { id?: string } } | undefined;
	return [session?.user?.id, apiKey?.id, apiKey?.user?.id, apiKey?.service_account?.id].filter(
		(id): id is string => typeof id === 'string',
	);
}

function actorEmailOf(event: AuditLogEvent): string | undefined {
	const session = event.actor.session as { user?: { email?: string } } | undefined;
	const apiKey = event.actor.api_key as { user?: { email?: string } } | undefined;
	return session?.user?.email ?? apiKey?.user?.email;
}

/**
 * GET /organization/audit_logs: the organization's events, newest first, narrowed by effective_at and the lists
 * the contract names; `after` continues past an id (older events), `before` gives the page just newer than one.
 * An organization without audit logging gets a refusal (its words are ours: OpenAI's are not on record).
 */
export const listAuditLogs: Handler = (context) => {
	const { query } = context;
	const organizationId = context.caller.organizationId;
	const store = auditStore(context.world.state, nowSeconds(context.world));
	if (store.disabled.has(organizationId)) throw E.auditLoggingDisabled();
	const limit = readLimit(queryValue(query, 'limit'));
	const tenantOnly = queryValue(query, 'tenant_only') === 'true';
	const eventTypes = queryArray(query, 'event_types');
	for (const type of eventTypes) {
		if (!/^[a-z_]+(\.[a-z_]+)+$/.test(type)) throw E.invalidValue('event_types', `'${type}' is not an audit log event type.`);
		if (tenantOnly && !TENANT_TYPES.test(type)) throw E.invalidValue('event_types', `'${type}' is not tenant-scoped.`);
	}
	const timeBounds = readTimeBounds(query);
	const projectIds = queryArray(query, 'project_ids');
	const actorIds = queryArray(query, 'actor_ids');
	const actorEmails = queryArray(query, 'actor_emails');
	const resourceIds = queryArray(query, 'resource_ids');

	const matching = store.events
		// Tenant-scoped events are in the tenant-scoped log only, the others in the organization's only.
		.filter((event) => event.organizationId === organizationId && TENANT_TYPES.test(event.type) === tenantOnly)
		.filter((event) => eventTypes.length === 0 || eventTypes.includes(event.type))
		.filter((event) => timeBounds.every((inBound) => inBound(event.effective_at)))
		.filter((event) => projectIds.length === 0 || (event.project !== undefined && projectIds.includes(event.project.id)))
		.filter((event) => actorIds.length === 0 || actorIdsOf(event).some((id) => actorIds.includes(id)))
		.filter((event) => actorEmails.length === 0 || actorEmails.includes(actorEmailOf(event) ?? ''))
		.filter((event) => resourceIds.length === 0 || resourceIds.includes(String(event.details.id ?? '')))
		// Newest first; events of the same second keep their order of arrival, newest first too.
		.map((event, index) => ({ event, index }))
		.sort((a, b) => b.event.effective_at - a.event.effective_at || b.index - a.index)
		.map(({ event }) => event);

	const after = context.repeatCursor ? undefined : queryValue(query, 'after');
	const before = queryValue(query, 'before');
	let start = 0;
	let end = matching.length;
	if (after !== undefined) {
		const index = matching.findIndex((event) => event.id === after);
		if (index < 0) throw E.invalidValue('after', `no audit log with id '${after}' in this list.`);
		start = index + 1;
	}
	if (before !== undefined) {
		const index = matching.findIndex((event) => event.id === before);
		if (index < 0) throw E.invalidValue('before', `no audit log with id '${before}' in this list.`);
		end = index;
		start = Math.max(start, end - limit);
	}
	const data = matching.slice(start, Math.min(end, start + limit)).map(auditLogJson);
	return {
		body: {
			object: 'list',
			data,
			first_id: data[0]?.id ?? null,
			last_id: data[data.length - 1]?.id ?? null,
			has_more: before !== undefined ? start > 0 : start + limit < end,
		},
	};
};
