import { listOperation } from '../../../shared/resources/organizationObjects';
import { CERTIFICATE, toCertificateItem } from '../../../shared/resources/certificates';

export const { description, prepare } = listOperation({
	resource: 'certificate',
	things: 'certificate',
	path: () => CERTIFICATE.path,
	toItem: (entry) => toCertificateItem(entry),
});
