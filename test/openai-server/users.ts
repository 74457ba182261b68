import { queryArray, queryValue, type Handler } from './context';
import * as E from './errors';
import * as F from './fixtures';
import { readLimit } from './handlers/projects';
import type { OrganizationUserRecord, ProjectRecord } from './types';

const DAY = 86_400;

/** People every seeded organization has, whatever its projects: fixed so tests can name them. */
export const USER_ADA_OWNER = 'user-AdaOwner0000000000000001';
export const USER_CASEY_LEAVING = 'user-CaseyLeaving00000000002';
export const USER_GRACE_GLOBEX = 'user-GraceGlobex000000000003';
export const CASEY_EMAIL = 'casey@acme.example';

/** The email a key owner is known by, in the key list and in the organization's user list alike. */
export function ownerEmail(userId: string): string {
	return `${userId.slice(5, 13).toLowerCase()}@example.com`;
}

/**
 * The organizations' users: the fixed people above, and the owners of the seeded projects' user keys, except every
 * third of them (in seed order): they left the organization and their keys stay behind, owned by nobody there.
 */
export function seedOrganizationUsers(projects: ProjectRecord[], nowSeconds: number): OrganizationUserRecord[] {
	const users: OrganizationUserRecord[] = [
		user(USER_ADA_OWNER, F.ORG_ACME, 'Ada Owner', 'ada@acme.example', 'owner', nowSeconds - 900 * DAY),
		user(USER_CASEY_LEAVING, F.ORG_ACME, 'Casey Leaving', CASEY_EMAIL, 'reader', nowSeconds - 500 * DAY),
		user(USER_GRACE_GLOBEX, F.ORG_GLOBEX, 'Grace Globex', 'grace@globex.example', 'owner', nowSeconds - 900 * DAY),
	];
	let owners = 0;
	for (const project of projects) {
		for (const key of project.activity.keys) {
			if (key.owner.type !== 'user' || users.some((known) => known.id === key.owner.id)) continue;
			if (owners++ % 3 === 2) continue;
			users.push(user(key.owner.id, project.organizationId, key.owner.name, ownerEmail(key.owner.id), 'reader', key.createdAt));
		}
	}
	return users.sort((a, b) => a.addedAt - b.addedAt);
}

function user(
	id: string,
	organizationId: string,
	name: string,
	email: string,
	role: OrganizationUserRecord['role'],
	addedAt: number,
): OrganizationUserRecord {
	return { id, organizationId, name, email, role, addedAt };
}

export function organizationUserJson(record: OrganizationUserRecord) {
	return {
		object: 'organization.user',
		id: record.id,
		name: record.name,
		email: record.email,
		role: record.role,
		added_at: record.addedAt,
	};
}

/** GET /organization/users: the caller's organization's users, oldest first, `limit`/`after`, `emails` narrows. */
export const listOrganizationUsers: Handler = (context) => {
	const limit = readLimit(queryValue(context.query, 'limit'));
	const after = queryValue(context.query, 'after');
	const emails = queryArray(context.query, 'emails').map((email) => email.toLowerCase());
	const all = context.world.state.users.filter(
		(candidate) =>
			candidate.organizationId === context.caller.organizationId &&
			(emails.length === 0 || emails.includes(candidate.email.toLowerCase())),
	);
	let start = 0;
	if (after !== undefined) {
		const index = all.findIndex((candidate) => candidate.id === after);
		if (index < 0) throw E.invalidValue('after', `no user with id '${after}' in this organization.`);
		start = index + 1;
	}
	const data = all.slice(start, start + limit).map(organizationUserJson);
	return {
		body: {
			object: 'list',
			data,
			first_id: data[0]?.id ?? null,
			last_id: data[data.length - 1]?.id ?? null,
			has_more: start + limit < all.length,
		},
	};
};
