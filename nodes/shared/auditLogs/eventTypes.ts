import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The audit-log event types of OpenAI's contract (AuditLogEventType) that an organization's log holds. The
 * tenant-scoped ones (`tenant.*`, `role.bound_to_resource`, `role.unbound_from_resource`) are served only with
 * `tenant_only=true`, which is another feed, so they are not offered.
 */
export const AUDIT_LOG_EVENT_TYPES: readonly string[] = [
	'api_key.created',
	'api_key.updated',
	'api_key.deleted',
	'certificate.created',
	'certificate.updated',
	'certificate.deleted',
	'certificates.activated',
	'certificates.deactivated',
	'checkpoint.permission.created',
	'checkpoint.permission.deleted',
	'external_key.registered',
	'external_key.removed',
	'group.created',
	'group.updated',
	'group.deleted',
	'invite.sent',
	'invite.accepted',
	'invite.deleted',
	'ip_allowlist.created',
	'ip_allowlist.updated',
	'ip_allowlist.deleted',
	'ip_allowlist.config.activated',
	'ip_allowlist.config.deactivated',
	'login.succeeded',
	'login.failed',
	'logout.succeeded',
	'logout.failed',
	'organization.updated',
	'project.created',
	'project.updated',
	'project.archived',
	'project.deleted',
	'rate_limit.updated',
	'rate_limit.deleted',
	'resource.deleted',
	'tunnel.created',
	'tunnel.updated',
	'tunnel.deleted',
	'workload_identity_provider.created',
	'workload_identity_provider.updated',
	'workload_identity_provider.deleted',
	'workload_identity_provider_mapping.created',
	'workload_identity_provider_mapping.updated',
	'workload_identity_provider_mapping.deleted',
	'role.created',
	'role.updated',
	'role.deleted',
	'role.assignment.created',
	'role.assignment.deleted',
	'scim.enabled',
	'scim.disabled',
	'service_account.created',
	'service_account.updated',
	'service_account.deleted',
	'user.added',
	'user.updated',
	'user.deleted',
];

/** The event types as a multi-options list, each shown as its API name (what a SIEM rule or a filter expects). */
export const AUDIT_LOG_EVENT_TYPE_OPTIONS: INodePropertyOptions[] = [...AUDIT_LOG_EVENT_TYPES]
	.sort()
	.map((type) => ({ name: type, value: type }));
