import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { CERTIFICATE, toCertificateItem } from '../../../shared/resources/certificates';
import { getMemberId, memberLocator } from '../../../shared/resources/projectMembers';
import { openAiRequest } from '../../../shared/transport';

export const description = updateDisplayOptions({ show: { resource: ['certificate'], operation: ['rename'] } }, [
	memberLocator(CERTIFICATE, 'The certificate to rename (only its name can change)'),
	{
		displayName: 'New Name',
		name: 'newName',
		type: 'string',
		required: true,
		default: '',
		description: 'The certificate\'s new name',
	},
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const id = getMemberId.call(this, CERTIFICATE, itemIndex);
	const name = String(this.getNodeParameter('newName', itemIndex, '') ?? '').trim();
	if (!name) throw new NodeOperationError(this.getNode(), '"New Name" is empty: enter the certificate\'s new name', { itemIndex });
	const limits = readRequestLimits.call(this, itemIndex);
	return {
		send: async () => {
			// Setting a name twice leaves the same name: safe to retry.
			const { body } = await openAiRequest.call(this, { method: 'POST', path: `${CERTIFICATE.path}/${id}`, body: { name }, itemIndex, subject: `certificate ${id}`, ...limits });
			return [toCertificateItem(body as IDataObject)];
		},
	};
}
