import type { Handler } from './context';
import { listAuditLogs } from './handlers/auditLogs';
import { createChatCompletion } from './handlers/chatCompletions';
import { listCosts } from './handlers/costs';
import { cancelBatch, createBatch, listBatches, retrieveBatch } from './handlers/batches';
import { createFile, deleteFile, downloadFile, listFiles, retrieveFile } from './handlers/files';
import { listModels } from './handlers/models';
import { deleteModel, retrieveModel } from './handlers/modelDetails';
import { cancelResponse, createResponse, deleteResponse, getResponse, listInputItems } from './handlers/responses';
import { listChatCompletions } from './handlers/storedChatCompletions';
import {
	archiveProject,
	createProject,
	listProjects,
	modifyProject,
	retrieveProject,
} from './handlers/projects';
import { deleteProjectApiKey, listProjectApiKeys, retrieveProjectApiKey } from './handlers/projectKeys';
import {
	createProjectUser,
	deleteProjectUser,
	listProjectUsers,
	modifyProjectUser,
	retrieveProjectUser,
} from './handlers/projectUsers';
import {
	createProjectServiceAccount,
	createServiceAccountApiKey,
	deleteProjectServiceAccount,
	listProjectServiceAccounts,
	retrieveProjectServiceAccount,
} from './handlers/serviceAccounts';
import { createInvite, deleteInvite, listInvites, retrieveInvite } from './handlers/invites';
import {
	deleteOrganizationUser,
	modifyOrganizationUser,
	retrieveOrganizationUser,
} from './handlers/organizationUsers';
import { listCompletionsUsage } from './handlers/usageCompletions';
import { PROJECT_CONTROL_ROUTES } from './handlers/controlRoutes';
import { ROLE_ROUTES } from './handlers/roleRoutes';
import { KEY_AND_CERTIFICATE_ROUTES } from './handlers/keyAndCertificateRoutes';
import { DATA_RETENTION_ROUTES } from './handlers/dataRetention';
import { ORGANIZATION_SPEND_ROUTES } from './handlers/organizationSpend';
import { GROUP_ROUTES } from './handlers/groups';
import { usageKindHandler } from './handlers/usageKinds';
import { USAGE_KIND_RULES, type OtherUsageKind } from './usageKinds';
import { listOrganizationUsers } from './users';

/** What a key must hold: admin keys only for the Admin API, every other key only for model endpoints. */
export type Scope = 'api.management.read' | 'api.usage.read' | 'model.read' | 'model.request';

export interface Route {
	method: 'GET' | 'POST' | 'DELETE';
	pattern: RegExp;
	scope: Scope;
	handler: Handler;
}

const PROJECT = '(?<project_id>[^/]+)';
const USER = '(?<user_id>[^/]+)';
const SERVICE_ACCOUNT = '(?<service_account_id>[^/]+)';

/** A project's members, service accounts and keys, and the organization's users (issue 16). */
const MEMBER_ROUTES: Array<[Route['method'], string, Route['handler']]> = [
	['GET', '/organization/users', listOrganizationUsers],
	['GET', `/organization/projects/${PROJECT}/users`, listProjectUsers],
	['POST', `/organization/projects/${PROJECT}/users`, createProjectUser],
	['GET', `/organization/projects/${PROJECT}/users/${USER}`, retrieveProjectUser],
	['POST', `/organization/projects/${PROJECT}/users/${USER}`, modifyProjectUser],
	['DELETE', `/organization/projects/${PROJECT}/users/${USER}`, deleteProjectUser],
	['GET', `/organization/projects/${PROJECT}/service_accounts`, listProjectServiceAccounts],
	['POST', `/organization/projects/${PROJECT}/service_accounts`, createProjectServiceAccount],
	['GET', `/organization/projects/${PROJECT}/service_accounts/${SERVICE_ACCOUNT}`, retrieveProjectServiceAccount],
	['DELETE', `/organization/projects/${PROJECT}/service_accounts/${SERVICE_ACCOUNT}`, deleteProjectServiceAccount],
	['POST', `/organization/projects/${PROJECT}/service_accounts/${SERVICE_ACCOUNT}/api_keys`, createServiceAccountApiKey],
	['DELETE', `/organization/projects/${PROJECT}/api_keys/(?<key_id>[^/]+)`, deleteProjectApiKey],
];

/** The organization's users (besides their list, above) and invites (issue 17). */
const ORGANIZATION_MEMBER_ROUTES: Array<[Route['method'], string, Handler]> = [
	['GET', `/organization/users/${USER}`, retrieveOrganizationUser],
	['POST', `/organization/users/${USER}`, modifyOrganizationUser],
	['DELETE', `/organization/users/${USER}`, deleteOrganizationUser],
	['GET', '/organization/invites', listInvites],
	['POST', '/organization/invites', createInvite],
	['GET', '/organization/invites/(?<invite_id>[^/]+)', retrieveInvite],
	['DELETE', '/organization/invites/(?<invite_id>[^/]+)', deleteInvite],
];

const FILE = '(?<file_id>[^/]+)';
const BATCH = '(?<batch_id>[^/]+)';

/** Files and the Batch API (issue 32): project or user keys, like the model endpoints. */
const FILE_AND_BATCH_ROUTES: Array<[Route['method'], string, Handler]> = [
	['GET', '/files', listFiles],
	['POST', '/files', createFile],
	['GET', `/files/${FILE}`, retrieveFile],
	['DELETE', `/files/${FILE}`, deleteFile],
	['GET', `/files/${FILE}/content`, downloadFile],
	['GET', '/batches', listBatches],
	['POST', '/batches', createBatch],
	['GET', `/batches/${BATCH}`, retrieveBatch],
	['POST', `/batches/${BATCH}/cancel`, cancelBatch],
];

/** Models, stored chat completions and the Responses API, for project and user keys (issues 31 and 32). */
const MODEL_ROUTES: Array<[Route['method'], string, Route['scope'], Handler]> = [
	['GET', '/models/(?<model>[^/]+)', 'model.read', retrieveModel],
	['DELETE', '/models/(?<model>[^/]+)', 'model.request', deleteModel],
	['GET', '/chat/completions', 'model.read', listChatCompletions],
	['POST', '/responses', 'model.request', createResponse],
	['GET', '/responses/(?<response_id>[^/]+)', 'model.read', getResponse],
	['DELETE', '/responses/(?<response_id>[^/]+)', 'model.request', deleteResponse],
	['POST', '/responses/(?<response_id>[^/]+)/cancel', 'model.request', cancelResponse],
	['GET', '/responses/(?<response_id>[^/]+)/input_items', 'model.read', listInputItems],
];

export const ROUTES: readonly Route[] = [
	{ method: 'GET', pattern: /^\/v1\/models$/, scope: 'model.read', handler: listModels },
	{
		method: 'POST',
		pattern: /^\/v1\/chat\/completions$/,
		scope: 'model.request',
		handler: createChatCompletion,
	},
	{
		method: 'GET',
		pattern: /^\/v1\/organization\/projects$/,
		scope: 'api.management.read',
		handler: listProjects,
	},
	{
		method: 'POST',
		pattern: /^\/v1\/organization\/projects$/,
		scope: 'api.management.read',
		handler: createProject,
	},
	{
		method: 'GET',
		pattern: new RegExp(`^/v1/organization/projects/${PROJECT}$`),
		scope: 'api.management.read',
		handler: retrieveProject,
	},
	{
		method: 'POST',
		pattern: new RegExp(`^/v1/organization/projects/${PROJECT}$`),
		scope: 'api.management.read',
		handler: modifyProject,
	},
	{
		method: 'POST',
		pattern: new RegExp(`^/v1/organization/projects/${PROJECT}/archive$`),
		scope: 'api.management.read',
		handler: archiveProject,
	},
	{
		method: 'GET',
		pattern: /^\/v1\/organization\/audit_logs$/,
		scope: 'api.management.read',
		handler: listAuditLogs,
	},
	{
		method: 'GET',
		pattern: /^\/v1\/organization\/costs$/,
		scope: 'api.usage.read',
		handler: listCosts,
	},
	{
		method: 'GET',
		pattern: /^\/v1\/organization\/usage\/completions$/,
		scope: 'api.usage.read',
		handler: listCompletionsUsage,
	},
	...(Object.keys(USAGE_KIND_RULES) as OtherUsageKind[]).map(
		(kind): Route => ({
			method: 'GET',
			pattern: new RegExp(`^/v1/organization/usage/${kind}$`),
			scope: 'api.usage.read',
			handler: usageKindHandler(kind),
		}),
	),
	{
		method: 'GET',
		pattern: new RegExp(`^/v1/organization/projects/${PROJECT}/api_keys$`),
		scope: 'api.management.read',
		handler: listProjectApiKeys,
	},
	{
		method: 'GET',
		pattern: new RegExp(`^/v1/organization/projects/${PROJECT}/api_keys/(?<key_id>[^/]+)$`),
		scope: 'api.management.read',
		handler: retrieveProjectApiKey,
	},
	...[...MEMBER_ROUTES, ...ORGANIZATION_MEMBER_ROUTES].map(
		([method, path, handler]): Route => ({
			method,
			pattern: new RegExp(`^/v1${path}$`),
			scope: 'api.management.read',
			handler,
		}),
	),
	// Rate limits, spend alerts and limit, model and hosted-tool permissions of a project.
	...PROJECT_CONTROL_ROUTES,
	...FILE_AND_BATCH_ROUTES.map(
		([method, path, handler]): Route => ({ method, pattern: new RegExp(`^/v1${path}$`), scope: 'model.request', handler }),
	),
	...MODEL_ROUTES.map(([method, path, scope, handler]): Route => ({ method, pattern: new RegExp(`^/v1${path}$`), scope, handler })),
	// Roles and their assignments (issue 31).
	...ROLE_ROUTES,
	// Admin API keys, certificates, a service account's update.
	...KEY_AND_CERTIFICATE_ROUTES,
	// The organization's spend limit and alerts; its and each project's data retention.
	...ORGANIZATION_SPEND_ROUTES,
	...DATA_RETENTION_ROUTES,
	// Groups, their users and their projects (issue 31).
	...GROUP_ROUTES.map(
		([method, path, handler]): Route => ({ method, pattern: new RegExp(`^/v1${path}$`), scope: 'api.management.read', handler }),
	),
];

export function findRoute(
	method: string,
	path: string,
): { route: Route; params: Record<string, string> } | undefined {
	for (const route of ROUTES) {
		if (route.method !== method) continue;
		const match = route.pattern.exec(path);
		if (match) return { route, params: decodeParams(match.groups ?? {}) };
	}
	return undefined;
}

export function isAdminScope(scope: Scope): boolean {
	return scope === 'api.management.read' || scope === 'api.usage.read';
}

function decodeParams(groups: Record<string, string>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(groups).map(([name, value]) => [name, decodeURIComponent(value)]),
	);
}
