import type { Handler } from '../context';
import type { Route } from '../routes';
import {
	deleteModelPermissions,
	retrieveHostedToolPermissions,
	retrieveModelPermissions,
	updateHostedToolPermissions,
	updateModelPermissions,
} from './permissions';
import { listProjectRateLimits, updateProjectRateLimit } from './rateLimits';
import {
	createProjectSpendAlert,
	deleteProjectSpendAlert,
	listProjectSpendAlerts,
	retrieveProjectSpendAlert,
	updateProjectSpendAlert,
} from './spendAlerts';
import { deleteProjectSpendLimit, retrieveProjectSpendLimit, updateProjectSpendLimit } from './spendLimit';

function under(method: Route['method'], subPath: string, handler: Handler): Route {
	return {
		method,
		pattern: new RegExp(`^/v1/organization/projects/(?<project_id>[^/]+)/${subPath}$`),
		scope: 'api.management.read',
		handler,
	};
}

/** The routes under /organization/projects/{project_id} that control what a project may use and spend. */
export const PROJECT_CONTROL_ROUTES: readonly Route[] = [
	under('GET', 'rate_limits', listProjectRateLimits),
	under('POST', 'rate_limits/(?<rate_limit_id>[^/]+)', updateProjectRateLimit),
	under('GET', 'spend_alerts', listProjectSpendAlerts),
	under('POST', 'spend_alerts', createProjectSpendAlert),
	under('GET', 'spend_alerts/(?<alert_id>[^/]+)', retrieveProjectSpendAlert),
	under('POST', 'spend_alerts/(?<alert_id>[^/]+)', updateProjectSpendAlert),
	under('DELETE', 'spend_alerts/(?<alert_id>[^/]+)', deleteProjectSpendAlert),
	under('GET', 'spend_limit', retrieveProjectSpendLimit),
	under('POST', 'spend_limit', updateProjectSpendLimit),
	under('DELETE', 'spend_limit', deleteProjectSpendLimit),
	under('GET', 'model_permissions', retrieveModelPermissions),
	under('POST', 'model_permissions', updateModelPermissions),
	under('DELETE', 'model_permissions', deleteModelPermissions),
	under('GET', 'hosted_tool_permissions', retrieveHostedToolPermissions),
	under('POST', 'hosted_tool_permissions', updateHostedToolPermissions),
];
