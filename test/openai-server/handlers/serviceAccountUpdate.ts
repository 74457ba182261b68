import { isObject, type Handler } from '../context';
import * as E from '../errors';
import { findActiveProject } from './projects';
import { findAccount, serviceAccountJson } from './serviceAccounts';

const ROLES = ['member', 'owner'];

/**
 * POST .../service_accounts/{id}: the contract's UpdateProjectServiceAccountBody, a new name and/or role (member or
 * owner). The account's keys carry its name in the key list, so they are renamed with it.
 */
export const updateProjectServiceAccount: Handler = (context) => {
	const project = findActiveProject(context);
	const account = findAccount(context, project);
	const body = context.body;
	if (!isObject(body)) throw E.invalidType('body', 'an object', body);
	const { name, role } = body;
	if (name !== undefined) {
		if (typeof name !== 'string') throw E.invalidType('name', 'a string', name);
		if (name.trim() === '') throw E.invalidValue('name', 'the name must not be empty.');
	}
	if (role !== undefined && (typeof role !== 'string' || !ROLES.includes(role)))
		throw E.invalidValue('role', "expected one of 'member', 'owner'.");
	if (typeof name === 'string') {
		account.name = name.trim();
		for (const key of project.activity.keys) if (key.owner.type === 'service_account' && key.owner.id === account.id) key.owner.name = account.name;
	}
	if (typeof role === 'string') account.role = role as 'member' | 'owner';
	return { body: serviceAccountJson(account) };
};
