import { queryValue, type Handler, type HandlerContext } from '../context';
import * as E from '../errors';
import type { ApiKeyPlan } from '../types';
import { findProject, readLimit } from './projects';

const OWNER_ACCESS = ['active', 'inactive', 'any'];

function apiKeyJson(key: ApiKeyPlan) {
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
		owner_project_access: 'active',
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

/**
 * GET /organization/projects/{project_id}/api_keys: the project's keys, user-owned and service-account-owned, each
 * with `last_used_at`. Every owner here still has access, so `owner_project_access=inactive` lists none.
 */
export const listProjectApiKeys: Handler = (context) => {
	const project = findProject(context);
	const access = queryValue(context.query, 'owner_project_access');
	if (access !== undefined && !OWNER_ACCESS.includes(access))
		throw E.invalidValue('owner_project_access', `expected one of ${OWNER_ACCESS.join(', ')}.`);
	const keys = access === 'inactive' ? [] : project.activity.keys.map(apiKeyJson);
	return { body: page(context, keys) };
};

export const retrieveProjectApiKey: Handler = (context) => {
	const project = findProject(context);
	const key = project.activity.keys.find((candidate) => candidate.id === context.params.key_id);
	if (!key) throw E.apiKeyNotFound(context.params.key_id);
	return { body: apiKeyJson(key) };
};

/**
 * GET /organization/projects/{project_id}/service_accounts: the owners of the project's service-account keys. The
 * contract gives a service account no `last_used_at`; its keys carry it in the API key list.
 */
export const listProjectServiceAccounts: Handler = (context) => {
	const project = findProject(context);
	if (project.archivedAt !== null) throw E.projectArchived(project.id);
	const accounts = new Map<string, ReturnType<typeof serviceAccountJson>>();
	for (const key of project.activity.keys)
		if (key.owner.type === 'service_account' && !accounts.has(key.owner.id))
			accounts.set(key.owner.id, serviceAccountJson(key));
	return { body: page(context, [...accounts.values()]) };
};

function serviceAccountJson(key: ApiKeyPlan) {
	return {
		object: 'organization.project.service_account',
		id: key.owner.id,
		name: key.owner.name,
		role: 'member',
		created_at: key.createdAt,
	};
}
