import * as F from './fixtures';
import type { InviteRecord, ProjectRecord } from './types';

const DAY = 86_400;
/** How long an invite may be accepted (ours: OpenAI's invite lifetime is not in the contract). */
export const INVITE_LIFETIME_SECONDS = 7 * DAY;

/** Invites every seeded organization has: fixed so tests can name them. */
export const INVITE_PENDING_DANA = 'invite-DanaPending000000001';
export const INVITE_PENDING_EVAN = 'invite-EvanPending000000002';
export const INVITE_ACCEPTED_FAY = 'invite-FayAccepted000000003';
export const INVITE_EXPIRED_GUS = 'invite-GusExpired0000000004';
export const INVITE_PENDING_GLOBEX = 'invite-HalGlobex0000000005';

/**
 * Acme has two pending invites (Dana to the Default project and the first other project, Evan to none), one
 * accepted and one expired; Globex one pending. Projects named are the organizations' own.
 */
export function seedInvites(projects: ProjectRecord[], nowSeconds: number): InviteRecord[] {
	const acme = projects.filter((project) => project.organizationId === F.ORG_ACME && project.archivedAt === null);
	const globex = projects.filter((project) => project.organizationId === F.ORG_GLOBEX && project.archivedAt === null);
	const sent = (daysAgo: number) => nowSeconds - daysAgo * DAY;
	const invite = (
		id: string,
		organizationId: string,
		email: string,
		status: InviteRecord['status'],
		createdAt: number,
		granted: InviteRecord['projects'],
	): InviteRecord => ({
		id,
		organizationId,
		email,
		role: 'reader',
		status,
		createdAt,
		expiresAt: createdAt + INVITE_LIFETIME_SECONDS,
		acceptedAt: status === 'accepted' ? createdAt + DAY : null,
		projects: granted,
	});
	return [
		invite(INVITE_ACCEPTED_FAY, F.ORG_ACME, 'fay@acme.example', 'accepted', sent(40), []),
		invite(INVITE_EXPIRED_GUS, F.ORG_ACME, 'gus@acme.example', 'expired', sent(20), []),
		invite(
			INVITE_PENDING_DANA,
			F.ORG_ACME,
			'dana@acme.example',
			'pending',
			sent(2),
			acme.slice(0, 2).map((project, index) => ({ id: project.id, role: index === 0 ? 'member' : 'owner' })),
		),
		invite(INVITE_PENDING_EVAN, F.ORG_ACME, 'evan@acme.example', 'pending', sent(1), []),
		invite(
			INVITE_PENDING_GLOBEX,
			F.ORG_GLOBEX,
			'hal@globex.example',
			'pending',
			sent(1),
			globex.slice(0, 1).map((project) => ({ id: project.id, role: 'member' })),
		),
	];
}

export function inviteJson(record: InviteRecord) {
	return {
		object: 'organization.invite',
		id: record.id,
		email: record.email,
		role: record.role,
		status: record.status,
		created_at: record.createdAt,
		expires_at: record.expiresAt,
		accepted_at: record.acceptedAt,
		projects: record.projects.map((project) => ({ ...project })),
	};
}
