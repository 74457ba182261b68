import { isObject, nowSeconds, type Handler, type HandlerContext } from '../context';
import * as E from '../errors';
import { fingerprint } from '../fixtures';
import { randomAlphanumeric } from '../random';
import type { ProjectRecord, ServiceAccountRecord } from '../types';
import { endKeys, page } from './projectKeys';
import { findActiveProject } from './projects';

export function serviceAccountJson(account: ServiceAccountRecord) {
	return {
		object: 'organization.project.service_account',
		id: account.id,
		name: account.name,
		role: account.role,
		created_at: account.createdAt,
	};
}

export function findAccount(context: HandlerContext, project: ProjectRecord): ServiceAccountRecord {
	const id = context.params.service_account_id;
	const account = context.world.state.serviceAccounts.find(
		(candidate) => candidate.id === id && candidate.projectId === project.id,
	);
	if (!account) throw E.serviceAccountNotFound(id);
	return account;
}

function readOptionalName(body: Record<string, unknown>, fallback: string): string {
	if (body.name === undefined || body.name === null) return fallback;
	if (typeof body.name !== 'string') throw E.invalidType('name', 'a string', body.name);
	if (body.name.trim() === '') throw E.invalidValue('name', 'the name must not be empty.');
	return body.name.trim();
}

/**
 * A new key for a service account: the full value is answered once, here, and never stored in the state; the
 * server keeps only the grant that lets it authenticate (ended when the key or its account is deleted).
 */
function mintKey(context: HandlerContext, project: ProjectRecord, account: ServiceAccountRecord, name: string) {
	const { world } = context;
	const value = `sk-svcacct-${randomAlphanumeric(world.random, 48)}`;
	const id = `key_${randomAlphanumeric(world.random, 16)}`;
	const createdAt = nowSeconds(world);
	project.activity.keys.push({
		id,
		name,
		createdAt,
		lastUsedAt: null,
		redactedValue: `sk-svcacct-****${value.slice(-4)}`,
		owner: { type: 'service_account', id: account.id, name: account.name },
	});
	const grant = { kind: 'project' as const, organizationIds: [project.organizationId], projectId: project.id, apiKeyId: id };
	world.grants.set(value, grant);
	world.state.keys.push({ fingerprint: fingerprint(value), ...grant });
	return { object: 'organization.project.service_account.api_key', value, name, created_at: createdAt, id };
}

export const listProjectServiceAccounts: Handler = (context) => {
	const project = findActiveProject(context);
	const accounts = context.world.state.serviceAccounts.filter((account) => account.projectId === project.id);
	return { body: page(context, accounts.map(serviceAccountJson)) };
};

export const retrieveProjectServiceAccount: Handler = (context) => {
	const project = findActiveProject(context);
	return { body: serviceAccountJson(findAccount(context, project)) };
};

/** POST .../service_accounts: a member account with one key, or (`create_service_account_only`) role none, no key. */
export const createProjectServiceAccount: Handler = (context) => {
	const project = findActiveProject(context);
	if (!isObject(context.body)) throw E.invalidType('body', 'an object', context.body);
	if (context.body.name === undefined || context.body.name === null) throw E.missingParameter('name');
	const name = readOptionalName(context.body, '');
	const only = context.body.create_service_account_only;
	if (only !== undefined && only !== null && typeof only !== 'boolean')
		throw E.invalidType('create_service_account_only', 'a boolean', only);
	const account: ServiceAccountRecord = {
		id: `svc_acct_${randomAlphanumeric(context.world.random, 16)}`,
		projectId: project.id,
		name,
		role: only === true ? 'none' : 'member',
		createdAt: nowSeconds(context.world),
	};
	context.world.state.serviceAccounts.push(account);
	const apiKey = only === true ? null : mintKey(context, project, account, 'Secret Key');
	return { body: { ...serviceAccountJson(account), api_key: apiKey } };
};

/** POST .../service_accounts/{id}/api_keys: one more key for the account, its value answered once. */
export const createServiceAccountApiKey: Handler = (context) => {
	const project = findActiveProject(context);
	const account = findAccount(context, project);
	const body = context.body ?? {};
	if (!isObject(body)) throw E.invalidType('body', 'an object', body);
	if (body.scopes !== undefined && !(Array.isArray(body.scopes) && body.scopes.every((scope) => typeof scope === 'string')))
		throw E.invalidType('scopes', 'an array of strings', body.scopes);
	return { body: mintKey(context, project, account, readOptionalName(body, 'Secret Key')) };
};

/** DELETE .../service_accounts/{id}: the account goes, and with it every key it owns. */
export const deleteProjectServiceAccount: Handler = (context) => {
	const project = findActiveProject(context);
	const account = findAccount(context, project);
	context.world.state.serviceAccounts = context.world.state.serviceAccounts.filter((candidate) => candidate !== account);
	endKeys(context, project, (key) => key.owner.type === 'service_account' && key.owner.id === account.id);
	return { body: { object: 'organization.project.service_account.deleted', id: account.id, deleted: true } };
};
