import { isObject, nowSeconds, queryArray, queryValue, type Handler, type HandlerContext } from '../context';
import * as E from '../errors';
import { OpenAiError } from '../errors';
import { readPem } from '../adminKeysAndCertificates';
import { randomAlphanumeric } from '../random';
import type { CertificateRecord, ProjectRecord } from '../types';
import { page } from './projectKeys';
import { findActiveProject } from './projects';

/** The contract: "Organizations can upload up to 50 certificates"; "activate up to 10 certificates at a time". */
const MAX_CERTIFICATES = 50;
const MAX_TOGGLED = 10;
const INVALID_REQUEST = 'invalid_request_error';

// ours: OpenAI's texts for these refusals are not verified; the rules are the contract's.
const certificateNotFound = (id: string) =>
	new OpenAiError(404, `No certificate found with id '${id}'.`, INVALID_REQUEST, 'not_found', 'certificate_id');
const invalidCertificate = () =>
	new OpenAiError(400, 'Invalid certificate: expected one X.509 certificate in PEM format.', INVALID_REQUEST, 'invalid_certificate', 'certificate');
const tooManyCertificates = () =>
	new OpenAiError(400, `Organizations can upload up to ${MAX_CERTIFICATES} certificates.`, INVALID_REQUEST, 'certificate_limit_reached', 'certificate');
const certificateStillActive = (id: string, where: string) =>
	new OpenAiError(
		400,
		`Certificate '${id}' is active for ${where}. A certificate must be inactive for the organization and all projects before it can be deleted.`,
		INVALID_REQUEST,
		'certificate_active',
		'certificate_id',
	);

type Scope = { kind: 'organization' } | { kind: 'project'; project: ProjectRecord };

function details(certificate: CertificateRecord, withContent = false) {
	return {
		valid_at: certificate.validAt,
		expires_at: certificate.expiresAt,
		...(withContent ? { content: certificate.content } : {}),
	};
}

/** GET, upload and rename answer `certificate`, without `active` (the contract: not returned for one certificate). */
function certificateJson(certificate: CertificateRecord, withContent = false) {
	return {
		object: 'certificate',
		id: certificate.id,
		name: certificate.name,
		created_at: certificate.createdAt,
		certificate_details: details(certificate, withContent),
	};
}

function isActive(certificate: CertificateRecord, scope: Scope): boolean {
	return scope.kind === 'organization' ? certificate.activeInOrganization : certificate.activeInProjects.includes(scope.project.id);
}

/** Lists, activations and deactivations answer each certificate with whether it is active where they look. */
function scopedJson(certificate: CertificateRecord, scope: Scope) {
	return {
		object: scope.kind === 'organization' ? 'organization.certificate' : 'organization.project.certificate',
		id: certificate.id,
		name: certificate.name,
		created_at: certificate.createdAt,
		certificate_details: details(certificate),
		active: isActive(certificate, scope),
	};
}

function organizationCertificates(context: HandlerContext): CertificateRecord[] {
	return context.world.state.certificates.filter((certificate) => certificate.organizationId === context.caller.organizationId);
}

function findCertificate(context: HandlerContext, id = context.params.certificate_id): CertificateRecord {
	const certificate = organizationCertificates(context).find((candidate) => candidate.id === id);
	if (!certificate) throw certificateNotFound(id);
	return certificate;
}

function listIn(context: HandlerContext, scope: Scope) {
	const order = queryValue(context.query, 'order') ?? 'desc';
	if (order !== 'asc' && order !== 'desc') throw E.invalidValue('order', "expected one of 'asc', 'desc'.");
	const sorted = [...organizationCertificates(context)].sort((a, b) => a.createdAt - b.createdAt);
	const listed = (order === 'asc' ? sorted : sorted.reverse()).map((certificate) => scopedJson(certificate, scope));
	return { body: page(context, listed) };
}

function readCertificateIds(context: HandlerContext): CertificateRecord[] {
	const body = context.body;
	if (!isObject(body)) throw E.invalidType('body', 'an object', body);
	const ids = body.certificate_ids;
	if (ids === undefined) throw E.missingParameter('certificate_ids');
	if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw E.invalidType('certificate_ids', 'an array of strings', ids);
	if (ids.length < 1 || ids.length > MAX_TOGGLED)
		throw E.invalidValue('certificate_ids', `expected between 1 and ${MAX_TOGGLED} certificate IDs, got ${ids.length}.`);
	// Atomic: every ID is found before any certificate changes.
	return [...new Set(ids as string[])].map((id) => findCertificate(context, id));
}

/** Activates or deactivates every certificate named, atomically and idempotently, where the scope says. */
function toggle(context: HandlerContext, scope: Scope, active: boolean) {
	const certificates = readCertificateIds(context);
	for (const certificate of certificates) {
		if (scope.kind === 'organization') certificate.activeInOrganization = active;
		else {
			const others = certificate.activeInProjects.filter((id) => id !== scope.project.id);
			certificate.activeInProjects = active ? [...others, scope.project.id] : others;
		}
	}
	const where = scope.kind === 'organization' ? 'organization.certificate' : 'organization.project.certificate';
	const object = `${where}.${active ? 'activation' : 'deactivation'}`;
	return { body: { object, data: certificates.map((certificate) => scopedJson(certificate, scope)) } };
}

const ORGANIZATION: Scope = { kind: 'organization' };
const inProject = (context: HandlerContext): Scope => ({ kind: 'project', project: findActiveProject(context) });

/** GET /organization/certificates: newest first unless `order=asc`; each says whether it is active in the organization. */
export const listOrganizationCertificates: Handler = (context) => listIn(context, ORGANIZATION);

/** POST /organization/certificates: a PEM certificate, inactive until activated. */
export const uploadCertificate: Handler = (context) => {
	const body = context.body;
	if (!isObject(body)) throw E.invalidType('body', 'an object', body);
	if (body.certificate === undefined) throw E.missingParameter('certificate');
	if (typeof body.certificate !== 'string') throw E.invalidType('certificate', 'a string', body.certificate);
	if (body.name !== undefined && typeof body.name !== 'string') throw E.invalidType('name', 'a string', body.name);
	const validity = readPem(body.certificate);
	if (!validity) throw invalidCertificate();
	if (organizationCertificates(context).length >= MAX_CERTIFICATES) throw tooManyCertificates();
	const certificate: CertificateRecord = {
		id: `cert_${randomAlphanumeric(context.world.random, 20)}`,
		organizationId: context.caller.organizationId,
		name: typeof body.name === 'string' && body.name.trim() !== '' ? body.name : null,
		createdAt: nowSeconds(context.world),
		...validity,
		content: body.certificate.trim(),
		activeInOrganization: false,
		activeInProjects: [],
	};
	context.world.state.certificates.push(certificate);
	return { body: certificateJson(certificate) };
};

/** GET /organization/certificates/{id}; `include[]=content` adds the PEM. */
export const retrieveCertificate: Handler = (context) => {
	const include = queryArray(context.query, 'include');
	if (include.some((value) => value !== 'content')) throw E.invalidValue('include', "expected one of 'content'.");
	return { body: certificateJson(findCertificate(context), include.includes('content')) };
};

/** POST /organization/certificates/{id}: only the name can be modified. */
export const modifyCertificate: Handler = (context) => {
	const certificate = findCertificate(context);
	const body = context.body;
	if (!isObject(body)) throw E.invalidType('body', 'an object', body);
	if (body.name !== undefined) {
		if (typeof body.name !== 'string') throw E.invalidType('name', 'a string', body.name);
		certificate.name = body.name;
	}
	return { body: certificateJson(certificate) };
};

/** DELETE /organization/certificates/{id}: refused while it is active for the organization or any project. */
export const deleteCertificate: Handler = (context) => {
	const certificate = findCertificate(context);
	if (certificate.activeInOrganization) throw certificateStillActive(certificate.id, 'the organization');
	if (certificate.activeInProjects.length > 0)
		throw certificateStillActive(certificate.id, `project ${certificate.activeInProjects.join(', ')}`);
	context.world.state.certificates = context.world.state.certificates.filter((candidate) => candidate !== certificate);
	return { body: { object: 'certificate.deleted', id: certificate.id } };
};

export const activateOrganizationCertificates: Handler = (context) => toggle(context, ORGANIZATION, true);
export const deactivateOrganizationCertificates: Handler = (context) => toggle(context, ORGANIZATION, false);

/** GET /organization/projects/{id}/certificates: the organization's certificates, each active in this project or not. */
export const listProjectCertificates: Handler = (context) => listIn(context, inProject(context));
export const activateProjectCertificates: Handler = (context) => toggle(context, inProject(context), true);
export const deactivateProjectCertificates: Handler = (context) => toggle(context, inProject(context), false);
