import * as E from './errors';
import { fingerprint } from './fixtures';
import type { KeyGrant } from './seed';
import type { ServerState } from './types';

export interface Caller {
	keyFingerprint: string;
	grant: KeyGrant;
	/** the organization the request acts in (header, or the key's own/default one) */
	organizationId: string;
	/** the project billed for model calls; null for admin keys */
	projectId: string | null;
}

export type IncomingHeaders = Record<string, string | string[] | undefined>;

export function bearerKey(headers: IncomingHeaders): string | undefined {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(singleHeader(headers.authorization) ?? '');
	return match?.[1];
}

/** Checks key, then OpenAI-Organization, then OpenAI-Project, in the order OpenAI reports them. */
export function authenticate(
	headers: IncomingHeaders,
	state: ServerState,
	grants: Map<string, KeyGrant>,
): Caller {
	const key = bearerKey(headers);
	if (!key) throw E.missingApiKey();
	const grant = grants.get(key);
	if (!grant) throw E.incorrectApiKey(fingerprint(key));
	if (grant.organizationIds.length === 0) throw E.noOrganization();

	const organizationId = chooseOrganization(
		singleHeader(headers['openai-organization']),
		grant,
		state,
	);
	const projectId =
		grant.kind === 'admin'
			? null
			: chooseProject(singleHeader(headers['openai-project']), grant, organizationId, state);
	return { keyFingerprint: fingerprint(key), grant, organizationId, projectId };
}

function chooseOrganization(
	header: string | undefined,
	grant: KeyGrant,
	state: ServerState,
): string {
	if (header === undefined) return grant.organizationIds[0];
	const organizationId = header.trim();
	if (organizationId === '') throw E.emptyOrganizationHeader();
	if (!state.organizations.some((organization) => organization.id === organizationId)) {
		throw E.noSuchOrganization(organizationId);
	}
	if (!grant.organizationIds.includes(organizationId)) throw E.mismatchedOrganization();
	return organizationId;
}

function chooseProject(
	header: string | undefined,
	grant: KeyGrant,
	organizationId: string,
	state: ServerState,
): string {
	if (header === undefined) {
		return grant.projectId ?? defaultProjectOf(organizationId, state);
	}
	const projectId = header.trim();
	if (projectId === '') throw E.emptyProjectHeader();
	if (grant.kind === 'project' && projectId !== grant.projectId) throw E.mismatchedProject();
	const project = state.projects.find((candidate) => candidate.id === projectId);
	if (!project || project.organizationId !== organizationId)
		throw E.noSuchProject(projectId, organizationId);
	if (project.archivedAt !== null) throw E.archivedProjectHeader(projectId);
	return projectId;
}

function defaultProjectOf(organizationId: string, state: ServerState): string {
	const organization = state.organizations.find((candidate) => candidate.id === organizationId);
	if (!organization) throw E.noSuchOrganization(organizationId);
	return organization.defaultProjectId;
}

export function singleHeader(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value.join(', ') : value;
}
