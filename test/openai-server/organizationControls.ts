import type { HandlerContext, World } from './context';
import * as E from './errors';
import type { SpendAlertRecord, SpendLimitRecord } from './projectControls';

/** The organization's retention setting (OrganizationDataRetention.type in the contract). */
export const ORGANIZATION_RETENTION_TYPES = [
	'zero_data_retention',
	'modified_abuse_monitoring',
	'enhanced_zero_data_retention',
	'enhanced_modified_abuse_monitoring',
] as const;

/** A project's (ProjectDataRetention.type): the organization's choices, or follow the organization, or none. */
export const PROJECT_RETENTION_TYPES = ['organization_default', 'none', ...ORGANIZATION_RETENTION_TYPES] as const;

export type OrganizationRetentionType = (typeof ORGANIZATION_RETENTION_TYPES)[number];
export type ProjectRetentionType = (typeof PROJECT_RETENTION_TYPES)[number];

/**
 * What an organization's admin sets for the whole organization: its hard spend limit (which bounds every project's
 * limit), its spend alerts, its data retention and each project's retention setting. Made on first use.
 */
export interface OrganizationControls {
	spendLimit: SpendLimitRecord | null;
	spendAlerts: SpendAlertRecord[];
	dataRetention: OrganizationRetentionType;
	/** by project ID; a project not named here follows the organization ('organization_default') */
	projectRetention: Record<string, ProjectRetentionType>;
}

/** A fresh organization: no limit, no alert, OpenAI's example setting (modified abuse monitoring). */
export function freshOrganizationControls(): OrganizationControls {
	return { spendLimit: null, spendAlerts: [], dataRetention: 'modified_abuse_monitoring', projectRetention: {} };
}

export function organizationControlsOf(world: World, organizationId: string): OrganizationControls {
	world.state.organizationControls ??= {};
	world.state.organizationControls[organizationId] ??= freshOrganizationControls();
	return world.state.organizationControls[organizationId];
}

/** The caller's organization's controls. */
export const callerControls = (context: HandlerContext) => organizationControlsOf(context.world, context.caller.organizationId);

/**
 * The organization's hard spend limit bounds every project's: a project limit above it is refused (ours: OpenAI's
 * rule and words are not documented; the Platform's limits page does not let a project go above its organization).
 */
export function refuseAboveOrganizationLimit(context: HandlerContext, thresholdAmount: number): void {
	const ceiling = callerControls(context).spendLimit;
	if (!ceiling || thresholdAmount <= ceiling.thresholdAmount) return;
	throw E.invalidValue(
		'threshold_amount',
		`a project's hard spend limit cannot be higher than the organization's hard spend limit (${ceiling.thresholdAmount} cents per ${ceiling.interval}), but got ${thresholdAmount}.`,
	);
}
