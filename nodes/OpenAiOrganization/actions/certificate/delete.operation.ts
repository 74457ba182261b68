import { NodeOperationError } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import { CERTIFICATE, findCertificateIn, toCertificateItem } from '../../../shared/resources/certificates';
import { getMemberId, memberLocator } from '../../../shared/resources/projectMembers';
import { openAiRequest } from '../../../shared/transport';

/**
 * OpenAI deletes only a certificate inactive in the organization and in every project. Active in the organization
 * is checked here, before any request; active in a project is OpenAI's refusal, explained (see certificates.ts).
 */
export const { destructive, description, prepare } = destructiveOperation<string>({
	rules: { verb: 'delete', pastTense: 'deleted', items: 'certificates' },
	show: { resource: ['certificate'], operation: ['delete'] },
	fields: [memberLocator(CERTIFICATE, 'The certificate to delete. It must be inactive in the organization and in every project.')],
	target(itemIndex) {
		return getMemberId.call(this, CERTIFICATE, itemIndex);
	},
	async find(id, { itemIndex, limits }) {
		return await findCertificateIn.call(this, {}, id, itemIndex, limits);
	},
	refuse(found, id, { itemIndex }) {
		if (found.active !== true) return;
		throw new NodeOperationError(this.getNode(), `Certificate ${found.name ? `"${String(found.name)}" ` : ''}(${id}) is active in the organization; nothing was deleted`, {
			itemIndex,
			description: 'OpenAI deletes only inactive certificates. Deactivate it first (Certificate > Deactivate, and OpenAI Projects > Project Certificate > Deactivate in each project using it), then delete it.',
		});
	},
	describe(found, id) {
		return `certificate ${found.name ? `"${String(found.name)}" ` : ''}(${id})`;
	},
	item(entry, _id, extra = {}) {
		return toCertificateItem(entry, extra);
	},
	async change(id, found, { itemIndex, limits }) {
		const { body } = await openAiRequest.call(this, { method: 'DELETE', path: `${CERTIFICATE.path}/${id}`, itemIndex, subject: `certificate ${id}`, ...limits });
		return toCertificateItem({ ...found, ...(body as object), deleted: true });
	},
});
