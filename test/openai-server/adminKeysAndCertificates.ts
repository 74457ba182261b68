/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code: runs in plain Node, never inside n8n; ids are fake fixtures */
import { X509Certificate } from 'node:crypto';

import { CERTIFICATE_PEM_GATEWAY, CERTIFICATE_PEM_PARTNER } from './certificatePems';
import * as F from './fixtures';
import type { AdminApiKeyRecord, CertificateRecord } from './types';
import { USER_ADA_OWNER, USER_GRACE_GLOBEX } from './users';

const DAY = 86_400;

/** A second Admin key of Acme, listed but never handed to a test: the one a clean-up may delete. */
export const ADMIN_KEY_ACME_CI_ID = 'key_AcmeCiAdmin000002';
/** Acme's mTLS certificates: the gateway's is active in the organization, the partner's in the Default project. */
export const CERTIFICATE_ACME_GATEWAY = 'cert_AcmeGateway0000001';
export const CERTIFICATE_ACME_PARTNER = 'cert_AcmePartner0000002';
export { CERTIFICATE_PEM_GATEWAY, CERTIFICATE_PEM_PARTNER };

/** How OpenAI shows an Admin key in its list (the contract's examples: "sk-admin...def"). */
export function redactAdminKey(value: string): string {
	return `sk-admin...${value.slice(-3)}`;
}

export function seedAdminApiKeys(nowSeconds: number): AdminApiKeyRecord[] {
	const ada = { id: USER_ADA_OWNER, name: 'Ada Owner', createdAt: nowSeconds - 900 * DAY };
	const grace = { id: USER_GRACE_GLOBEX, name: 'Grace Globex', createdAt: nowSeconds - 900 * DAY };
	const key = (id: string, organizationId: string, name: string, redactedValue: string, owner: typeof ada, age: number) => ({
		id,
		organizationId,
		name,
		redactedValue,
		createdAt: nowSeconds - age * DAY,
		expiresAt: null,
		lastUsedAt: nowSeconds - DAY,
		owner,
	});
	return [
		key(F.ADMIN_KEY_ACME_ID, F.ORG_ACME, 'Main admin key', redactAdminKey(F.ADMIN_KEY_ACME), ada, 300),
		key(ADMIN_KEY_ACME_CI_ID, F.ORG_ACME, 'CI admin key', 'sk-admin...q7x', ada, 200),
		key(F.ADMIN_KEY_GLOBEX_ID, F.ORG_GLOBEX, 'Globex admin key', redactAdminKey(F.ADMIN_KEY_GLOBEX), grace, 300),
	];
}

/** A PEM's validity as unix seconds; undefined when it is not one X.509 certificate. */
export function readPem(content: string): { validAt: number; expiresAt: number } | undefined {
	if (!/^\s*-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/.test(content)) return undefined;
	try {
		const certificate = new X509Certificate(content);
		return {
			validAt: Math.floor(Date.parse(certificate.validFrom) / 1000),
			expiresAt: Math.floor(Date.parse(certificate.validTo) / 1000),
		};
	} catch {
		return undefined;
	}
}

export function seedCertificates(nowSeconds: number): CertificateRecord[] {
	const certificate = (id: string, name: string, content: string, age: number, active: Partial<CertificateRecord>) => ({
		id,
		organizationId: F.ORG_ACME,
		name,
		createdAt: nowSeconds - age * DAY,
		...(readPem(content) as { validAt: number; expiresAt: number }),
		content,
		activeInOrganization: false,
		activeInProjects: [],
		...active,
	});
	return [
		certificate(CERTIFICATE_ACME_GATEWAY, 'Gateway mTLS', CERTIFICATE_PEM_GATEWAY, 60, { activeInOrganization: true }),
		certificate(CERTIFICATE_ACME_PARTNER, 'Partner mTLS', CERTIFICATE_PEM_PARTNER, 30, { activeInProjects: [F.DEFAULT_PROJECT_ACME] }),
	];
}
