import { isObject, nowSeconds, type Handler, type HandlerContext } from '../context';
import * as E from '../errors';
import { INVITE_LIFETIME_SECONDS, inviteJson } from '../invites';
import { alreadyInvited, alreadyMember, inviteAccepted, inviteNotFound } from '../organizationErrors';
import { randomAlphanumeric } from '../random';
import type { InviteRecord } from '../types';
import { page } from './projectKeys';

const ROLES = ['owner', 'reader'];
const PROJECT_ROLES = ['member', 'owner'];

/** An invite past its expiry reads as expired. */
function current(context: HandlerContext, invite: InviteRecord): InviteRecord {
	if (invite.status === 'pending' && invite.expiresAt <= nowSeconds(context.world)) invite.status = 'expired';
	return invite;
}

function organizationInvites(context: HandlerContext): InviteRecord[] {
	return context.world.state.invites
		.filter((invite) => invite.organizationId === context.caller.organizationId)
		.map((invite) => current(context, invite));
}

function findInvite(context: HandlerContext): InviteRecord {
	const id = context.params.invite_id;
	const invite = organizationInvites(context).find((candidate) => candidate.id === id);
	if (!invite) throw inviteNotFound(id);
	return invite;
}

/** GET /organization/invites: oldest first, `limit`/`after`. */
export const listInvites: Handler = (context) => {
	const listed = page(context, organizationInvites(context));
	return { body: { ...listed, data: listed.data.map(inviteJson) } };
};

/** GET /organization/invites/{invite_id} */
export const retrieveInvite: Handler = (context) => ({ body: inviteJson(findInvite(context)) });

function readProjects(context: HandlerContext, raw: unknown): InviteRecord['projects'] {
	// Omitted: the Default project, as OpenAI does for compatibility; an empty list: none.
	if (raw === undefined || raw === null) {
		const fallback = context.world.state.projects.find(
			(project) => project.organizationId === context.caller.organizationId && project.isDefault,
		);
		return fallback ? [{ id: fallback.id, role: 'member' }] : [];
	}
	if (!Array.isArray(raw)) throw E.invalidType('projects', 'an array', raw);
	return raw.map((entry: unknown, index) => {
		if (!isObject(entry)) throw E.invalidType(`projects[${index}]`, 'an object', entry);
		const { id, role } = entry;
		if (typeof id !== 'string') throw E.missingParameter(`projects[${index}].id`);
		if (typeof role !== 'string' || !PROJECT_ROLES.includes(role)) {
			throw E.invalidValue(`projects[${index}].role`, "expected one of 'member', 'owner'.");
		}
		const project = context.world.state.projects.find(
			(candidate) => candidate.id === id && candidate.organizationId === context.caller.organizationId,
		);
		if (!project) throw E.projectNotFound(id);
		if (project.archivedAt !== null) throw E.projectArchived(id);
		return { id, role: role as 'member' | 'owner' };
	});
}

/** POST /organization/invites: email and role required; projects as the contract describes them. */
export const createInvite: Handler = (context) => {
	const body = context.body;
	if (!isObject(body)) throw E.invalidType('body', 'an object', body);
	if (body.email === undefined) throw E.missingParameter('email');
	if (typeof body.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) {
		throw E.invalidValue('email', 'expected an email address.');
	}
	if (body.role === undefined) throw E.missingParameter('role');
	if (typeof body.role !== 'string' || !ROLES.includes(body.role)) {
		throw E.invalidValue('role', "expected one of 'reader', 'owner'.");
	}
	const email = body.email.toLowerCase();
	const organizationId = context.caller.organizationId;
	if (context.world.state.users.some((user) => user.organizationId === organizationId && user.email.toLowerCase() === email)) {
		throw alreadyMember(body.email);
	}
	if (organizationInvites(context).some((invite) => invite.status === 'pending' && invite.email.toLowerCase() === email)) {
		throw alreadyInvited(body.email);
	}
	const projects = readProjects(context, body.projects);
	const now = nowSeconds(context.world);
	const invite: InviteRecord = {
		id: `invite-${randomAlphanumeric(context.world.random, 24)}`,
		organizationId,
		email: body.email,
		role: body.role as InviteRecord['role'],
		status: 'pending',
		createdAt: now,
		expiresAt: now + INVITE_LIFETIME_SECONDS,
		acceptedAt: null,
		projects,
	};
	context.world.state.invites.push(invite);
	return { body: inviteJson(invite) };
};

/** DELETE /organization/invites/{invite_id}: an accepted invite cannot be deleted (the contract says so). */
export const deleteInvite: Handler = (context) => {
	const invite = findInvite(context);
	if (invite.status === 'accepted') throw inviteAccepted(invite.id);
	const invites = context.world.state.invites;
	invites.splice(invites.indexOf(invite), 1);
	return { body: { object: 'organization.invite.deleted', id: invite.id, deleted: true } };
};
