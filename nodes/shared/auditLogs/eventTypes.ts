import type { INodePropertyOptions } from 'n8n-workflow';

import { CONTRACT_AUDIT_LOG_EVENT_TYPES } from './contractEventTypes';

/**
 * Tenant-scoped types (`tenant.*`, `role.bound_to_resource`, `role.unbound_from_resource`) are served only with
 * `tenant_only=true`, which is another feed, so they are not offered.
 */
export function isTenantScoped(type: string): boolean {
	return type.startsWith('tenant.') || type === 'role.bound_to_resource' || type === 'role.unbound_from_resource';
}

const OFFERED = CONTRACT_AUDIT_LOG_EVENT_TYPES.filter(({ type }) => !isTenantScoped(type));

/** The audit-log event types of OpenAI's contract that an organization's log holds. */
export const AUDIT_LOG_EVENT_TYPES: readonly string[] = OFFERED.map(({ type }) => type);

/**
 * The event types as a multi-options list: a readable name, and the API name (what a SIEM rule or a filter
 * expects) beside it, as the value stored in the workflow.
 */
export const AUDIT_LOG_EVENT_TYPE_OPTIONS: INodePropertyOptions[] = OFFERED.map(({ type, name }) => ({
	name: `${name} (${type})`,
	value: type,
})).sort((a, b) => a.name.localeCompare(b.name));
