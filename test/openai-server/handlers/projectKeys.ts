import { queryValue, type Handler, type HandlerContext } from '../context';
import * as E from '../errors';
import type { ApiKeyPlan, ProjectRecord } from '../types';
import { findActiveProject, findProject, readLimit } from './projects';

const OWNER_ACCESS = ['active', 'inactive', 'any'];

function apiKeyJson(key: ApiKeyPlan, access: 'active' | 'inactive' = 'active') {
	const owner =
		key.owner.type === 'user'
			? {
					type: 'user',
					user: {
						id: key.owner.id,
						email: `${key.owner.id.slice(5, 13).toLowerCase()}@example.com`,
						name: key.owner.name,
						created_at: key.createdAt,
						role: 'member',
					},
				}
			: {
					type: 'service_account',
					service_account: { id: key.owner.id, name: key.owner.name, created_at: key.createdAt, role: 'member' },
				};
	return {
		object: 'organization.project.api_key',
		redacted_value: key.redactedValue,
		name: key.name,
		created_at: key.createdAt,
		last_used_at: key.lastUsedAt,
		id: key.id,
		owner_project_access: access,
		owner,
	};
}

/** A `limit`/`after` page over objects with ids, as every project sub-list of the contract pages. */
export function page<T extends { id: string }>(context: HandlerContext, all: T[]) {
	const limit = readLimit(queryValue(context.query, 'limit'));
	const after = queryValue(context.query, 'after');
	let start = 0;
	if (after !== undefined) {
		const index = all.findIndex((entry) => entry.id === after);
		if (index < 0) throw E.invalidValue('after', `no object with id '${after}' in this list.`);
		start = index + 1;
	}
	const data = all.slice(start, start + limit);
	return {
		object: 'list',
		data,
		first_id: data[0]?.id ?? null,
		last_id: data[data.length - 1]?.id ?? null,
		has_more: start + limit < all.length,
	};
}

/** Whether a key's owner still has access: a service account of the project, or a user who is still its member. */
function ownerAccess(context: HandlerContext, project: ProjectRecord, key: ApiKeyPlan): 'active' | 'inactive' {
	const { projectUsers, serviceAccounts } = context.world.state;
	const present =
		key.owner.type === 'user'
			? projectUsers.some((member) => member.projectId === project.id && member.userId === key.owner.id)
			: serviceAccounts.some((account) => account.projectId === project.id && account.id === key.owner.id);
	return present ? 'active' : 'inactive';
}

/**
 * GET /organization/projects/{project_id}/api_keys: the project's keys, user-owned and service-account-owned, each
 * with `last_used_at` and whether its owner still has access (a user who left the project or the organization has
 * not). Without `owner_project_access` every key is listed, as with `any`.
 */
export const listProjectApiKeys: Handler = (context) => {
	const project = findProject(context);
	const access = queryValue(context.query, 'owner_project_access');
	if (access !== undefined && !OWNER_ACCESS.includes(access))
		throw E.invalidValue('owner_project_access', `expected one of ${OWNER_ACCESS.join(', ')}.`);
	const keys = project.activity.keys
		.map((key) => apiKeyJson(key, ownerAccess(context, project, key)))
		.filter((key) => access === undefined || access === 'any' || key.owner_project_access === access);
	return { body: page(context, keys) };
};

function findKey(context: HandlerContext, project: ProjectRecord): ApiKeyPlan {
	const key = project.activity.keys.find((candidate) => candidate.id === context.params.key_id);
	if (!key) throw E.apiKeyNotFound(context.params.key_id);
	return key;
}

export const retrieveProjectApiKey: Handler = (context) => {
	const project = findProject(context);
	return { body: apiKeyJson(findKey(context, project), ownerAccess(context, project, findKey(context, project))) };
};

/**
 * DELETE /organization/projects/{project_id}/api_keys/{api_key_id}: the key stops authenticating at once. A service
 * account's key cannot be deleted here (the contract: "an error if the key belonged to a service account").
 */
export const deleteProjectApiKey: Handler = (context) => {
	const project = findActiveProject(context);
	const key = findKey(context, project);
	if (key.owner.type === 'service_account') throw E.serviceAccountKeyNotDeletable(key.id);
	endKeys(context, project, (candidate) => candidate.id === key.id);
	return { body: { object: 'organization.project.api_key.deleted', id: key.id, deleted: true } };
};

/** Takes keys out of the project's list and ends every grant made for them, so they no longer authenticate. */
export function endKeys(context: HandlerContext, project: ProjectRecord, ending: (key: ApiKeyPlan) => boolean): void {
	const ended = new Set(project.activity.keys.filter(ending).map((key) => key.id));
	project.activity.keys = project.activity.keys.filter((key) => !ended.has(key.id));
	for (const [secret, grant] of context.world.grants) {
		if (grant.apiKeyId !== undefined && ended.has(grant.apiKeyId)) context.world.grants.delete(secret);
	}
	context.world.state.keys = context.world.state.keys.filter(
		(record) => record.apiKeyId === undefined || !ended.has(record.apiKeyId),
	);
}
