import * as F from './fixtures';
import { OpenAiError } from './errors';
import type { GroupRecord, GroupUserRecord, ProjectGroupRecord, ServerState } from './types';
import { USER_ADA_OWNER, USER_CASEY_LEAVING, USER_GRACE_GLOBEX } from './users';

/**
 * The organizations' groups (issue 31): a group holds users of its organization and may be granted projects with a
 * project role. Fixed seeds so tests can name them. A SCIM-managed group belongs to the identity provider: the API
 * lists and reads it, grants it projects, but cannot rename or delete it nor change its users (ours: the contract
 * only says it is "controlled by your identity provider").
 */
export const GROUP_ENGINEERING = 'group_01JENGINEERING00000000001';
export const GROUP_SUPPORT = 'group_01JSUPPORT0000000000000002';
/** SCIM-managed: read-only through the API. */
export const GROUP_SCIM_FINANCE = 'group_01JSCIMFINANCE000000000003';
export const GROUP_GLOBEX_RESEARCH = 'group_01JGLOBEXRESEARCH00000004';

/** The predefined project Member role (its id in the roles world, roles.ts). */
export const PROJECT_MEMBER_ROLE = 'role_ProjMember000000000004';

const DAY = 86_400;

export interface SeededGroups {
	groups: GroupRecord[];
	groupUsers: GroupUserRecord[];
	projectGroups: ProjectGroupRecord[];
}

/**
 * Acme: Engineering (Ada, Casey; may use the Default project as members), Support (Casey) and the SCIM-managed
 * Finance (Ada). Globex: Researchers (Grace; may use Globex Research).
 */
export function seedGroups(nowSeconds: number): SeededGroups {
	const group = (id: string, organizationId: string, name: string, daysAgo: number, isScimManaged = false): GroupRecord => ({
		id,
		organizationId,
		name,
		createdAt: nowSeconds - daysAgo * DAY,
		isScimManaged,
		groupType: 'group',
	});
	const groups = [
		group(GROUP_ENGINEERING, F.ORG_ACME, 'Engineering', 400),
		group(GROUP_SUPPORT, F.ORG_ACME, 'Support', 300),
		group(GROUP_SCIM_FINANCE, F.ORG_ACME, 'Finance (Okta)', 200, true),
		group(GROUP_GLOBEX_RESEARCH, F.ORG_GLOBEX, 'Researchers', 350),
	];
	const member = (groupId: string, userId: string, daysAgo: number): GroupUserRecord => ({
		groupId,
		userId,
		addedAt: nowSeconds - daysAgo * DAY,
	});
	return {
		groups,
		groupUsers: [
			member(GROUP_ENGINEERING, USER_ADA_OWNER, 399),
			member(GROUP_ENGINEERING, USER_CASEY_LEAVING, 390),
			member(GROUP_SUPPORT, USER_CASEY_LEAVING, 299),
			member(GROUP_SCIM_FINANCE, USER_ADA_OWNER, 199),
			member(GROUP_GLOBEX_RESEARCH, USER_GRACE_GLOBEX, 349),
		],
		projectGroups: [
			{ projectId: F.DEFAULT_PROJECT_ACME, groupId: GROUP_ENGINEERING, role: PROJECT_MEMBER_ROLE, createdAt: nowSeconds - 398 * DAY },
			{ projectId: F.PROJECT_GLOBEX_RESEARCH, groupId: GROUP_GLOBEX_RESEARCH, role: PROJECT_MEMBER_ROLE, createdAt: nowSeconds - 348 * DAY },
		],
	};
}

const INVALID_REQUEST = 'invalid_request_error';

// Texts "ours": OpenAI's are not on record.
export const groupNotFound = (groupId: string) =>
	new OpenAiError(404, `No group found with id '${groupId}'.`, INVALID_REQUEST, 'not_found', 'group_id');

/** The groups of one organization, oldest first. */
export function organizationGroups(state: ServerState, organizationId: string): GroupRecord[] {
	return state.groups.filter((group) => group.organizationId === organizationId);
}

/** The lookup every group route uses: a group of this organization, or 404 (another organization's group too). */
export function findGroup(state: ServerState, organizationId: string, groupId: string): GroupRecord {
	const group = state.groups.find((candidate) => candidate.id === groupId && candidate.organizationId === organizationId);
	if (!group) throw groupNotFound(groupId);
	return group;
}

/** The ids of a group's users, in the order they were added. */
export function groupUserIds(state: ServerState, groupId: string): string[] {
	return state.groupUsers.filter((member) => member.groupId === groupId).map((member) => member.userId);
}

/** A deleted group is gone everywhere: its users' memberships and its projects. */
export function forgetGroup(state: ServerState, groupId: string): void {
	state.groups = state.groups.filter((group) => group.id !== groupId);
	state.groupUsers = state.groupUsers.filter((member) => member.groupId !== groupId);
	state.projectGroups = state.projectGroups.filter((access) => access.groupId !== groupId);
}

/** A user who leaves the organization leaves its groups. */
export function forgetGroupUser(state: ServerState, userId: string): void {
	state.groupUsers = state.groupUsers.filter((member) => member.userId !== userId);
}

/** GroupResponse of the contract. */
export function groupJson(group: GroupRecord) {
	return {
		id: group.id,
		name: group.name,
		created_at: group.createdAt,
		is_scim_managed: group.isScimManaged,
		group_type: group.groupType,
	};
}
