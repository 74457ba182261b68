import * as F from './fixtures';
import { createRandom, hashString, pick, randomAlphanumeric, randomInt, type Random } from './random';
import type { ApiKeyPlan, ProjectRecord, ServerState } from './types';

/** One audit-log event as the contract's AuditLog object, plus the organization it belongs to. */
export interface AuditLogEvent {
	organizationId: string;
	id: string;
	type: string;
	effective_at: number;
	project?: { id: string; name: string };
	actor: Record<string, unknown>;
	/** What the event's `type` key holds (the contract's per-type details). */
	details: Record<string, unknown>;
}

export function auditLogJson(event: AuditLogEvent) {
	return {
		id: event.id,
		type: event.type,
		effective_at: event.effective_at,
		...(event.project ? { project: event.project } : {}),
		actor: event.actor,
		[event.type]: event.details,
	};
}

/**
 * The organizations whose owners never turned audit logging on: the API then refuses the audit log. Globex is one
 * by default, so the refusal always has a fixed subject; `POST /__control/audit_logs/settings` changes it.
 */
const DEFAULT_DISABLED = [F.ORG_GLOBEX];

interface AuditStore {
	/** The project list the history was built from: a reset replaces it, and the store with it. */
	projects: ProjectRecord[];
	events: AuditLogEvent[];
	disabled: Set<string>;
	random: Random;
	/** What workflows posted to `POST /__control/channel` (a stand-in for a Slack channel's incoming webhook). */
	channel: unknown[];
}

const stores = new WeakMap<ServerState, AuditStore>();

/** The audit log of a server's world: built from its projects and keys on first use, then appended to. */
export function auditStore(state: ServerState, nowSeconds: number): AuditStore {
	let store = stores.get(state);
	if (!store || store.projects !== state.projects) {
		const random = createRandom(hashString(`audit|${state.projects.length}|${state.projects[0]?.id ?? ''}`));
		store = { projects: state.projects, events: [], disabled: new Set(DEFAULT_DISABLED), random, channel: [] };
		store.events = seedHistory(state, random, nowSeconds);
		stores.set(state, store);
	}
	return store;
}

const PEOPLE = [
	{ id: 'user-Ad3mQh7LwP2xNf8RkT4vYb1c', email: 'ada.owner@acme.example' },
	{ id: 'user-Gr5cHo9Pq1ZkLm3Nv7Xs2Wd4', email: 'grace.admin@acme.example' },
	{ id: 'user-Li6nUs2Tr8VwQa4Ez9Yk3Mb5', email: 'linus.dev@acme.example' },
];
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

function sessionActor(random: Random, person = pick(random, PEOPLE)) {
	return {
		type: 'session',
		session: { user: person, ip_address: `203.0.113.${randomInt(random, 2, 250)}`, user_agent: BROWSER },
	};
}

function keyActor(random: Random) {
	return {
		type: 'api_key',
		api_key: { id: `key_${randomAlphanumeric(random, 16)}`, type: 'user', user: pick(random, PEOPLE) },
	};
}

export function newAuditLogId(random: Random): string {
	return `audit_log-${randomAlphanumeric(random, 20)}`;
}

/**
 * A realistic history consistent with the world: each project's creation (and archiving), each of its keys'
 * creation, the service accounts behind them, members invited and added, logins, all in the 90 days before the
 * server's now (older events are out of the log, as a retention would have them).
 */
function seedHistory(state: ServerState, random: Random, nowSeconds: number): AuditLogEvent[] {
	const events: AuditLogEvent[] = [];
	const add = (event: Omit<AuditLogEvent, 'id'>) => events.push({ id: newAuditLogId(random), ...event });
	for (const project of state.projects) {
		if (project.isDefault) continue;
		const where = { id: project.id, name: project.name };
		const organizationId = project.organizationId;
		add({
			organizationId,
			type: 'project.created',
			effective_at: project.createdAt,
			project: where,
			actor: sessionActor(random),
			details: { id: project.id, data: { name: project.name, title: project.name } },
		});
		for (const key of project.activity.keys) addKeyHistory(add, organizationId, where, key, random);
		if (project.archivedAt !== null) {
			add({
				organizationId,
				type: 'project.archived',
				effective_at: project.archivedAt,
				project: where,
				actor: keyActor(random),
				details: { id: project.id },
			});
		}
	}
	for (const organization of state.organizations) {
		const now = nowSeconds;
		PEOPLE.forEach((person, index) => {
			const invitedAt = now - (80 - index * 20) * 86_400;
			const inviteId = `invite-${randomAlphanumeric(random, 16)}`;
			const base = { organizationId: organization.id, actor: sessionActor(random, PEOPLE[0]) };
			add({ ...base, type: 'invite.sent', effective_at: invitedAt, details: { id: inviteId, data: { email: person.email, role: index === 0 ? 'owner' : 'member' } } });
			add({ ...base, type: 'invite.accepted', effective_at: invitedAt + 3_600, details: { id: inviteId } });
			add({ ...base, type: 'user.added', effective_at: invitedAt + 3_601, details: { id: person.id, data: { role: index === 0 ? 'owner' : 'member' } } });
			add({ organizationId: organization.id, type: 'login.succeeded', effective_at: now - index * 7_200, actor: sessionActor(random, person), details: {} });
		});
		add({
			organizationId: organization.id,
			type: 'login.failed',
			effective_at: now - 30 * 86_400,
			actor: sessionActor(random, PEOPLE[2]),
			details: { error_code: 'invalid_credentials', error_message: 'Wrong email or password.' },
		});
		add({
			organizationId: organization.id,
			type: 'organization.updated',
			effective_at: now - 45 * 86_400,
			actor: sessionActor(random, PEOPLE[0]),
			details: { id: organization.id, changes_requested: { title: organization.name } },
		});
	}
	const horizon = nowSeconds - 90 * 86_400;
	return events.filter((event) => event.effective_at >= horizon && event.effective_at <= nowSeconds);
}

function addKeyHistory(
	add: (event: Omit<AuditLogEvent, 'id'>) => void,
	organizationId: string,
	project: { id: string; name: string },
	key: ApiKeyPlan,
	random: Random,
): void {
	if (key.owner.type === 'service_account') {
		add({
			organizationId,
			type: 'service_account.created',
			effective_at: key.createdAt,
			project,
			actor: sessionActor(random),
			details: { id: key.owner.id, data: { role: 'member' } },
		});
	}
	add({
		organizationId,
		type: 'api_key.created',
		effective_at: key.createdAt,
		project,
		actor: sessionActor(random),
		details: { id: key.id, data: { scopes: ['api.model.request', 'api.model.read'] } },
	});
}

/** What a test (or `POST /__control/audit_logs`) appends; the server fills in the rest. */
export interface AuditLogAppend {
	type: string;
	organizationId?: string;
	/** Unix seconds; default: now. */
	effective_at?: number;
	project_id?: string;
	actor_email?: string;
	details?: Record<string, unknown>;
}

/** Appends events as if they had just happened in the organization (Acme unless named). */
export function appendAuditEvents(state: ServerState, entries: AuditLogAppend[], nowSeconds: number): AuditLogEvent[] {
	const store = auditStore(state, nowSeconds);
	return entries.map((entry) => {
		const project = state.projects.find((candidate) => candidate.id === entry.project_id);
		const person = PEOPLE.find((candidate) => candidate.email === entry.actor_email) ?? PEOPLE[0];
		const event: AuditLogEvent = {
			organizationId: entry.organizationId ?? project?.organizationId ?? F.ORG_ACME,
			id: newAuditLogId(store.random),
			type: entry.type,
			effective_at: entry.effective_at ?? nowSeconds,
			...(project ? { project: { id: project.id, name: project.name } } : {}),
			actor: sessionActor(store.random, person),
			details: entry.details ?? defaultDetails(entry.type, store.random),
		};
		store.events.push(event);
		return event;
	});
}

function defaultDetails(type: string, random: Random): Record<string, unknown> {
	if (type.startsWith('api_key.')) return { id: `key_${randomAlphanumeric(random, 16)}`, data: { scopes: ['api.model.request'] } };
	if (type === 'invite.sent') return { id: `invite-${randomAlphanumeric(random, 16)}`, data: { email: 'new.member@acme.example', role: 'member' } };
	if (type.startsWith('user.')) return { id: `user-${randomAlphanumeric(random, 24)}`, data: { role: 'member' } };
	if (type === 'group.created') return { id: `group_${randomAlphanumeric(random, 16)}`, data: { group_name: 'Data Science' } };
	if (type === 'group.updated') return { id: `group_${randomAlphanumeric(random, 16)}`, changes_requested: { group_name: 'Data Science' } };
	if (type === 'role.created') return { id: `role_${randomAlphanumeric(random, 16)}`, role_name: 'Auditor', permissions: ['api.audit_logs.read'], resource_type: 'api.organization', resource_id: F.ORG_ACME };
	if (type.startsWith('role.assignment.')) {
		return { id: `role_assignment_${randomAlphanumeric(random, 16)}`, principal_id: PEOPLE[2].id, principal_type: 'user', resource_id: F.ORG_ACME, resource_type: 'api.organization' };
	}
	if (type.startsWith('certificates.')) return { certificates: [{ id: `cert_${randomAlphanumeric(random, 16)}`, name: 'mTLS gateway' }] };
	if (type.startsWith('certificate.')) return { id: `cert_${randomAlphanumeric(random, 16)}`, name: 'mTLS gateway' };
	if (type.startsWith('tenant.admin_api_key.')) return { id: `key_${randomAlphanumeric(random, 16)}` };
	return { id: `${type.split('.')[0]}_${randomAlphanumeric(random, 16)}` };
}

export function setAuditLogging(state: ServerState, organizationId: string, enabled: boolean, nowSeconds: number): void {
	const { disabled } = auditStore(state, nowSeconds);
	if (enabled) disabled.delete(organizationId);
	else disabled.add(organizationId);
}
