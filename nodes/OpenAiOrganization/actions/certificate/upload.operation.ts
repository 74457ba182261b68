import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { CERTIFICATE, toCertificateItem } from '../../../shared/resources/certificates';
import { listPages, openAiRequest } from '../../../shared/transport';

const PEM = /^-----BEGIN CERTIFICATE-----\s+[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----$/;

const properties: INodeProperties[] = [
	{
		displayName: 'Certificate (PEM)',
		name: 'certificate',
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		default: '',
		placeholder: '-----BEGIN CERTIFICATE-----\nMIIC…\n-----END CERTIFICATE-----',
		description: 'The public certificate in PEM form. It is uploaded inactive: activate it in the organization or in projects afterwards.',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Gateway mTLS 2027',
		description: 'A name for the certificate in the list (optional)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['certificate'], operation: ['upload'] } }, properties);

function readPem(this: IExecuteFunctions, itemIndex: number): string {
	const pem = String(this.getNodeParameter('certificate', itemIndex, '') ?? '').trim();
	if (/PRIVATE KEY-----/.test(pem)) {
		throw new NodeOperationError(this.getNode(), '"Certificate (PEM)" holds a private key: nothing was uploaded', {
			itemIndex,
			description: 'Upload only the public certificate (-----BEGIN CERTIFICATE-----). Keep the private key where it is.',
		});
	}
	if (!PEM.test(pem)) {
		throw new NodeOperationError(this.getNode(), pem ? '"Certificate (PEM)" is not one PEM certificate' : '"Certificate (PEM)" is empty', {
			itemIndex,
			description: 'Paste one certificate from "-----BEGIN CERTIFICATE-----" to "-----END CERTIFICATE-----" (or map it from a previous node).',
		});
	}
	return pem;
}

/** After a lost answer: a certificate of this name uploaded since we asked is the one we uploaded. */
async function findUploaded(this: IExecuteFunctions, name: string, askedAt: number, itemIndex: number): Promise<IDataObject | undefined> {
	for await (const page of listPages.call(this, { path: CERTIFICATE.path, qs: { limit: 100 }, itemIndex })) {
		const found = page.find((certificate) => certificate.name === name && Number(certificate.created_at) >= askedAt - 30);
		if (found) return found;
	}
	return undefined;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const certificate = readPem.call(this, itemIndex);
	const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
	const body: IDataObject = name ? { name, certificate } : { certificate };
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () => {
			const askedAt = Math.floor(Date.now() / 1000);
			const response = await openAiRequest.call(this, {
				method: 'POST',
				path: CERTIFICATE.path,
				body,
				itemIndex,
				...limits,
				// A second upload would be a second certificate; a named one lost on the way is looked for instead.
				notIdempotent: true,
				findLostResult: name ? async () => await findUploaded.call(this, name, askedAt, itemIndex) : undefined,
			});
			return [toCertificateItem(response.body as IDataObject, response.recovered ? { recoveredAfterLostResponse: true } : {})];
		},
	};
}
