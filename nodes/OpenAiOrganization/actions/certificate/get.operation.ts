import { getOperation } from '../../../shared/resources/organizationObjects';
import { CERTIFICATE, toCertificateItem } from '../../../shared/resources/certificates';

export const { description, prepare } = getOperation({
	resource: 'certificate',
	kind: CERTIFICATE,
	locatorDescription: 'The certificate to get (OpenAI does not say here whether it is active: Get Many does)',
	fields: [
		{
			displayName: 'Include PEM Content',
			name: 'includeContent',
			type: 'boolean',
			default: false,
			description: 'Whether to add the certificate itself, in PEM form, under certificate_details.content',
		},
	],
	qs(itemIndex) {
		return this.getNodeParameter('includeContent', itemIndex, false) === true ? { 'include[]': 'content' } : {};
	},
	toItem: (entry) => toCertificateItem(entry),
});
