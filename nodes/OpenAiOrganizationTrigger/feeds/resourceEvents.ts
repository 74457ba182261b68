import { CONTRACT_AUDIT_LOG_EVENT_TYPES } from '../../shared/auditLogs/contractEventTypes';
import { isTenantScoped } from '../../shared/auditLogs/eventTypes';
import type { TriggerEvent } from './feed';

/**
 * A trigger event for changes to one kind of resource: the audit-log event types of the contract whose names match
 * it (so a type the contract adds, e.g. a new `role.*`, is watched after `npm run generate:event-types`). `tenant`
 * events are served only by the tenant-scoped log (`tenant_only=true`).
 */
export interface ResourceEvent {
	event: TriggerEvent;
	tenant: boolean;
	types: readonly string[];
}

function matching(pattern: RegExp, tenant: boolean): readonly string[] {
	return CONTRACT_AUDIT_LOG_EVENT_TYPES.map(({ type }) => type).filter(
		(type) => pattern.test(type) && isTenantScoped(type) === tenant,
	);
}

export const RESOURCE_EVENTS: readonly ResourceEvent[] = [
	{ event: 'groupChanged', tenant: false, types: matching(/^group\./, false) },
	{ event: 'roleChanged', tenant: false, types: matching(/^role\./, false) },
	{ event: 'certificateChanged', tenant: false, types: matching(/^certificates?\./, false) },
	// The organization's log has no admin-key events: OpenAI logs them only in the tenant-scoped one.
	{ event: 'adminKeyChanged', tenant: true, types: matching(/^tenant\.admin_api_key\./, true) },
];

/** The resource events chosen, in one log (the organization's or the tenant-scoped one). */
export function chosenResourceEvents(events: readonly TriggerEvent[], tenant: boolean): ResourceEvent[] {
	return RESOURCE_EVENTS.filter((resource) => resource.tenant === tenant && events.includes(resource.event));
}
