import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { CERTIFICATE } from '../resources/certificates';
import { loadForPicker } from './pickerErrors';
import { searchList } from './searchList';

const certificateLabel = (certificate: IDataObject) =>
	`${String(certificate.name ?? certificate.id)}${certificate.active === true ? ' (active in the organization)' : ''}`;

/** The organization's certificates, matched on name and ID, for every node that names one. */
export async function searchCertificates(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await loadForPicker(this, async () => await searchList.call(this, CERTIFICATE.path, 'the certificate list', certificateLabel, filter, paginationToken));
}
