import * as F from './fixtures';
import type { ProjectRecord, ProjectUserRecord, ServiceAccountRecord, OrganizationUserRecord } from './types';
import { USER_ADA_OWNER, USER_CASEY_LEAVING, USER_GRACE_GLOBEX } from './users';

/**
 * Who is in each seeded project: the organization's owner (Ada in Acme, Grace in Globex) owns every project; Casey
 * is a member of the Default project (a second owner there) and of every twentieth other Acme project; the owners of
 * user keys who are still in the organization are members of their key's project.
 */
export function seedProjectUsers(projects: ProjectRecord[], users: OrganizationUserRecord[]): ProjectUserRecord[] {
	const inOrganization = new Set(users.map((user) => user.id));
	const members: ProjectUserRecord[] = [];
	let acmeIndex = 0;
	for (const project of projects) {
		const acme = project.organizationId === F.ORG_ACME;
		const add = (userId: string, role: ProjectUserRecord['role'], addedAt: number) => {
			if (!members.some((member) => member.projectId === project.id && member.userId === userId))
				members.push({ projectId: project.id, userId, role, addedAt });
		};
		add(acme ? USER_ADA_OWNER : USER_GRACE_GLOBEX, 'owner', project.createdAt);
		if (acme && (project.isDefault || acmeIndex++ % 20 === 0)) {
			add(USER_CASEY_LEAVING, project.isDefault ? 'owner' : 'member', project.createdAt + 60);
		}
		for (const key of project.activity.keys) {
			if (key.owner.type === 'user' && inOrganization.has(key.owner.id)) add(key.owner.id, 'member', key.createdAt);
		}
	}
	return members;
}

/** The owners of the seeded service-account keys, one account per owner. */
export function seedServiceAccounts(projects: ProjectRecord[]): ServiceAccountRecord[] {
	const accounts: ServiceAccountRecord[] = [];
	for (const project of projects) {
		for (const key of project.activity.keys) {
			if (key.owner.type !== 'service_account' || accounts.some((known) => known.id === key.owner.id)) continue;
			accounts.push({ id: key.owner.id, projectId: project.id, name: key.owner.name, role: 'member', createdAt: key.createdAt });
		}
	}
	return accounts;
}
