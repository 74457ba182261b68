import type { Handler, HandlerContext } from '../context';
import * as E from '../errors';
import { callerControls, type OrganizationControls } from '../organizationControls';
import { controlsOf } from '../projectControls';
import type { Route } from '../routes';
import { cursorPage } from './controlsCommon';
import { findAlert, newSpendAlert, readSpendAlertBody, spendAlertJson } from './spendAlerts';
import { readSpendLimitBody, spendLimitJson } from './spendLimit';

const ALERT = 'organization.spend_alert';
const LIMIT = 'organization.spend_limit';

// ours: the contract documents no answer for an organization without a hard spend limit; as for projects, 404.
const noSpendLimit = (organizationId: string) =>
	new E.OpenAiError(404, `Organization '${organizationId}' has no hard spend limit.`, 'invalid_request_error', 'not_found', null);

function requireLimit(context: HandlerContext): NonNullable<OrganizationControls['spendLimit']> {
	const { spendLimit } = callerControls(context);
	if (!spendLimit) throw noSpendLimit(context.caller.organizationId);
	return spendLimit;
}

export const retrieveOrganizationSpendLimit: Handler = (context) => ({ body: spendLimitJson(requireLimit(context), LIMIT) });

/**
 * POST /organization/spend_limit creates or replaces the limit. It bounds the projects: a project limit above the
 * new one is lowered to it (ours: a hard cap on the whole organization is also one on each of its projects).
 */
export const updateOrganizationSpendLimit: Handler = (context) => {
	const limit = readSpendLimitBody(context.body);
	const controls = callerControls(context);
	controls.spendLimit = limit;
	for (const project of context.world.state.projects) {
		if (project.organizationId !== context.caller.organizationId) continue;
		const projectLimit = context.world.state.projectControls[project.id]?.spendLimit;
		if (projectLimit && projectLimit.thresholdAmount > limit.thresholdAmount)
			controlsOf(context.world, project).spendLimit = { ...projectLimit, thresholdAmount: limit.thresholdAmount };
	}
	return { body: spendLimitJson(limit, LIMIT) };
};

export const deleteOrganizationSpendLimit: Handler = (context) => {
	requireLimit(context);
	callerControls(context).spendLimit = null;
	return { body: { object: 'organization.spend_limit.deleted', deleted: true } };
};

/** GET /organization/spend_alerts: oldest first (`order=asc`), 20 a page by default, as a project's. */
export const listOrganizationSpendAlerts: Handler = (context) => {
	const page = cursorPage(context, callerControls(context).spendAlerts, { defaultLimit: 20, minLimit: 0, maxLimit: 100, ordered: true });
	return { body: { ...page, data: page.data.map((alert) => spendAlertJson(alert, ALERT)) } };
};

export const createOrganizationSpendAlert: Handler = (context) => {
	const alert = newSpendAlert(context);
	callerControls(context).spendAlerts.push(alert);
	return { body: spendAlertJson(alert, ALERT) };
};

export const retrieveOrganizationSpendAlert: Handler = (context) => ({
	body: spendAlertJson(findAlert(context, callerControls(context).spendAlerts), ALERT),
});

export const updateOrganizationSpendAlert: Handler = (context) => {
	const alert = findAlert(context, callerControls(context).spendAlerts);
	Object.assign(alert, readSpendAlertBody(context.body));
	return { body: spendAlertJson(alert, ALERT) };
};

export const deleteOrganizationSpendAlert: Handler = (context) => {
	const { spendAlerts } = callerControls(context);
	const alert = findAlert(context, spendAlerts);
	spendAlerts.splice(spendAlerts.indexOf(alert), 1);
	return { body: { id: alert.id, object: 'organization.spend_alert.deleted', deleted: true } };
};

const route = (method: Route['method'], subPath: string, handler: Handler): Route => ({
	method,
	pattern: new RegExp(`^/v1/organization/${subPath}$`),
	scope: 'api.management.read',
	handler,
});

/** The organization's hard spend limit and spend alerts. */
export const ORGANIZATION_SPEND_ROUTES: readonly Route[] = [
	route('GET', 'spend_limit', retrieveOrganizationSpendLimit),
	route('POST', 'spend_limit', updateOrganizationSpendLimit),
	route('DELETE', 'spend_limit', deleteOrganizationSpendLimit),
	route('GET', 'spend_alerts', listOrganizationSpendAlerts),
	route('POST', 'spend_alerts', createOrganizationSpendAlert),
	route('GET', 'spend_alerts/(?<alert_id>[^/]+)', retrieveOrganizationSpendAlert),
	route('POST', 'spend_alerts/(?<alert_id>[^/]+)', updateOrganizationSpendAlert),
	route('DELETE', 'spend_alerts/(?<alert_id>[^/]+)', deleteOrganizationSpendAlert),
];
