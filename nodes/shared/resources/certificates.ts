import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestLimits } from '../execution/requestOptions';
import type { Explanation, OpenAiFailure } from '../transport';
import { isRequestRefusal, listPages, openAiRequest } from '../transport';
import { utcIso } from '../time/dates';
import type { OrganizationObjectKind } from './organizationObjects';
import { readableItem } from './readableItem';
import { readOrganizationObject } from './organizationObjects';

// An organization's mTLS certificates: uploaded once to the organization, then active or not in the organization
// and in each project. The OpenAI Organization node manages them; OpenAI Projects turns them on and off per project.

export const CERTIFICATE: OrganizationObjectKind = {
	path: '/organization/certificates',
	parameter: 'certificateId',
	label: 'Certificate',
	noun: 'certificate',
	example: 'cert_abc123',
	idPattern: /^cert_[A-Za-z0-9]+$/,
	searchMethod: 'searchCertificates',
};

/** Where a certificate is active or not: the organization, or one of its projects. */
export interface CertificateScope {
	projectId?: string;
}

export function certificateListPath(scope: CertificateScope): string {
	return scope.projectId ? `/organization/projects/${scope.projectId}/certificates` : CERTIFICATE.path;
}

export function scopeInWords(scope: CertificateScope): string {
	return scope.projectId ? `project ${scope.projectId}` : 'the organization';
}

/** A certificate: its name and dates first (with ISO forms of its validity), then OpenAI's answer unchanged. */
export function toCertificateItem(certificate: IDataObject, extra: IDataObject = {}): IDataObject {
	const details = (certificate.certificate_details ?? {}) as IDataObject;
	const validity: IDataObject = {};
	if (typeof details.valid_at === 'number') validity.validAtIso = utcIso(details.valid_at);
	if (typeof details.expires_at === 'number') validity.expiresAtIso = utcIso(details.expires_at);
	return readableItem({ ...validity, ...certificate }, extra);
}

/**
 * The certificate as the scope's list shows it, with `active`: an organization holds at most 50, so the list is
 * read to the end; one not in it is read with its own GET, whose 404 names it.
 */
export async function findCertificateIn(
	this: IExecuteFunctions,
	scope: CertificateScope,
	id: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject> {
	for await (const page of listPages.call(this, { path: certificateListPath(scope), qs: { limit: 100 }, itemIndex, ...limits })) {
		const found = page.find((certificate) => certificate.id === id);
		if (found) return found;
	}
	return await readOrganizationObject.call(this, CERTIFICATE, id, { itemIndex, limits });
}

/** POST {scope}/certificates/activate or deactivate for one certificate; answers it as the scope now shows it. */
export async function toggleCertificate(
	this: IExecuteFunctions,
	scope: CertificateScope,
	id: string,
	active: boolean,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject> {
	const { body } = await openAiRequest.call(this, {
		method: 'POST',
		path: `${certificateListPath(scope)}/${active ? 'activate' : 'deactivate'}`,
		body: { certificate_ids: [id] },
		itemIndex,
		subject: `certificate ${id}`,
		...limits,
	});
	const data = ((body as IDataObject).data ?? []) as IDataObject[];
	return data.find((certificate) => certificate.id === id) ?? { id, active };
}

/** OpenAI's refusal to delete a certificate that is still active somewhere, in words that name the fix. */
export function explainCertificateRefusal(failure: OpenAiFailure, request: { path: string }): Explanation | undefined {
	if (!isRequestRefusal(failure) || !request.path.startsWith(CERTIFICATE.path)) return undefined;
	const words = `${failure.openAiCode ?? ''} ${failure.openAiMessage ?? ''}`;
	if (/certificate_active|is active/i.test(words)) {
		return {
			message: 'The certificate is still active, so OpenAI keeps it',
			fix: 'A certificate must be inactive in the organization and in every project before it is deleted. Turn it off with Certificate > Deactivate, and in each project OpenAI names below with OpenAI Projects > Project Certificate > Deactivate; then delete it.',
		};
	}
	if (/invalid_certificate|pem/i.test(words)) {
		return {
			message: 'OpenAI did not accept the certificate',
			fix: 'Paste one X.509 certificate in PEM form, from "-----BEGIN CERTIFICATE-----" to "-----END CERTIFICATE-----" (the public certificate, never its private key).',
		};
	}
	return undefined;
}
