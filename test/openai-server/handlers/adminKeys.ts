import { isObject, nowSeconds, queryValue, type Handler, type HandlerContext } from '../context';
import * as E from '../errors';
import { redactAdminKey } from '../adminKeysAndCertificates';
import { fingerprint } from '../fixtures';
import { OpenAiError } from '../errors';
import { randomAlphanumeric } from '../random';
import type { AdminApiKeyRecord } from '../types';
import { page } from './projectKeys';

const MAX_EXPIRES_IN_SECONDS = 31_536_000;

// ours: OpenAI's 404 text for an admin key is not verified.
const adminKeyNotFound = (keyId: string) =>
	new OpenAiError(404, `No admin API key found with id '${keyId}'.`, 'invalid_request_error', 'not_found', 'key_id');

function adminKeyJson(key: AdminApiKeyRecord) {
	return {
		object: 'organization.admin_api_key',
		id: key.id,
		name: key.name,
		redacted_value: key.redactedValue,
		created_at: key.createdAt,
		expires_at: key.expiresAt,
		last_used_at: key.lastUsedAt,
		owner: {
			type: 'user',
			object: 'organization.user',
			id: key.owner.id,
			name: key.owner.name,
			created_at: key.owner.createdAt,
			role: 'owner',
		},
	};
}

function organizationKeys(context: HandlerContext): AdminApiKeyRecord[] {
	return context.world.state.adminApiKeys.filter((key) => key.organizationId === context.caller.organizationId);
}

function findAdminKey(context: HandlerContext): AdminApiKeyRecord {
	const key = organizationKeys(context).find((candidate) => candidate.id === context.params.key_id);
	if (!key) throw adminKeyNotFound(context.params.key_id);
	return key;
}

/** GET /organization/admin_api_keys: oldest first (`order=desc` newest first), `limit`/`after`. */
export const listAdminApiKeys: Handler = (context) => {
	const order = queryValue(context.query, 'order') ?? 'asc';
	if (order !== 'asc' && order !== 'desc') throw E.invalidValue('order', "expected one of 'asc', 'desc'.");
	const keys = organizationKeys(context).map(adminKeyJson);
	return { body: page(context, order === 'asc' ? keys : keys.reverse()) };
};

export const retrieveAdminApiKey: Handler = (context) => ({ body: adminKeyJson(findAdminKey(context)) });

/**
 * POST /organization/admin_api_keys: a new Admin key owned by the caller's organization owner; its value is
 * answered once, here, and only its grant is kept (so it authenticates until it is deleted).
 */
export const createAdminApiKey: Handler = (context) => {
	const { body, world } = context;
	if (!isObject(body)) throw E.invalidType('body', 'an object', body);
	if (body.name === undefined || body.name === null) throw E.missingParameter('name');
	if (typeof body.name !== 'string') throw E.invalidType('name', 'a string', body.name);
	const expiresIn = body.expires_in_seconds;
	if (expiresIn !== undefined && (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn)))
		throw E.invalidType('expires_in_seconds', 'an integer', expiresIn);
	if (typeof expiresIn === 'number' && (expiresIn < 1 || expiresIn > MAX_EXPIRES_IN_SECONDS))
		throw E.integerOutOfRange('expires_in_seconds', 1, MAX_EXPIRES_IN_SECONDS, expiresIn);
	const organizationId = context.caller.organizationId;
	const value = `sk-admin-${randomAlphanumeric(world.random, 48)}`;
	const now = nowSeconds(world);
	const owner = world.state.users.find((user) => user.organizationId === organizationId && user.role === 'owner');
	const key: AdminApiKeyRecord = {
		id: `key_${randomAlphanumeric(world.random, 16)}`,
		organizationId,
		name: body.name,
		redactedValue: redactAdminKey(value),
		createdAt: now,
		expiresAt: typeof expiresIn === 'number' ? now + expiresIn : null,
		lastUsedAt: null,
		owner: { id: owner?.id ?? 'user-unknown', name: owner?.name ?? 'Owner', createdAt: owner?.addedAt ?? now },
	};
	world.state.adminApiKeys.push(key);
	const grant = { kind: 'admin' as const, organizationIds: [organizationId], adminKeyId: key.id };
	world.grants.set(value, grant);
	world.state.keys.push({ fingerprint: fingerprint(value), ...grant });
	return { body: { ...adminKeyJson(key), value } };
};

/** DELETE /organization/admin_api_keys/{key_id}: the key stops authenticating at once, even the caller's own. */
export const deleteAdminApiKey: Handler = (context) => {
	const key = findAdminKey(context);
	const { world } = context;
	world.state.adminApiKeys = world.state.adminApiKeys.filter((candidate) => candidate !== key);
	for (const [secret, grant] of world.grants) if (grant.adminKeyId === key.id) world.grants.delete(secret);
	world.state.keys = world.state.keys.filter((record) => record.adminKeyId !== key.id);
	return { body: { id: key.id, object: 'organization.admin_api_key.deleted', deleted: true } };
};
