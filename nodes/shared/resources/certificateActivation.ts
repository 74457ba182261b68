import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { destructiveOperation } from '../execution/destructiveOperation';
import type { Operation, PreparedItem } from '../execution/operation';
import { readRequestLimits } from '../execution/requestOptions';
import { CERTIFICATE, findCertificateIn, scopeInWords, toCertificateItem, toggleCertificate } from './certificates';
import type { CertificateScope } from './certificates';
import { getMemberId, memberLocator } from './projectMembers';

interface ToggleSetting {
	/** the node's resource value, e.g. 'certificate' or 'projectCertificate' */
	resource: string;
	/** the fields before the certificate (a project picker), empty for the organization */
	scopeFields: INodeProperties[];
	/** where the item's certificate is turned on or off, read from its parameters */
	scope(this: IExecuteFunctions, itemIndex: number): CertificateScope;
}

interface Target {
	scope: CertificateScope;
	id: string;
}

/**
 * Activate and Deactivate of a certificate, in the organization (OpenAI Organization) or in one project (OpenAI
 * Projects): one certificate per item. Activating is idempotent and safe to repeat; deactivating goes through the
 * destructive shape (Dry Run, Max per Run, every item checked first), and one already inactive is reported, not sent.
 */
export function certificateToggles(setting: ToggleSetting): { activate: Operation & { description: INodeProperties[] }; deactivate: Operation & { description: INodeProperties[] } } {
	const where = setting.scopeFields.length ? 'in the project' : 'in the organization';
	const activateFields = [...setting.scopeFields, memberLocator(CERTIFICATE, `The certificate to activate ${where}`)];
	const activate = {
		description: updateDisplayOptions({ show: { resource: [setting.resource], operation: ['activate'] } }, activateFields),
		prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
			const scope = setting.scope.call(this, itemIndex);
			const id = getMemberId.call(this, CERTIFICATE, itemIndex);
			const limits = readRequestLimits.call(this, itemIndex);
			return {
				send: async () => [toCertificateItem(await toggleCertificate.call(this, scope, id, true, itemIndex, limits), scope.projectId ? { projectId: scope.projectId } : {})],
			};
		},
	};
	const deactivate = destructiveOperation<Target>({
		rules: { verb: 'deactivate', pastTense: 'deactivated', items: 'certificates' },
		show: { resource: [setting.resource], operation: ['deactivate'] },
		fields: [
			...setting.scopeFields,
			memberLocator(CERTIFICATE, `The certificate to deactivate ${where}. Connections that present it are refused from then on.`),
		],
		target(this: IExecuteFunctions, itemIndex: number): Target {
			return { scope: setting.scope.call(this, itemIndex), id: getMemberId.call(this, CERTIFICATE, itemIndex) };
		},
		async find(this: IExecuteFunctions, { scope, id }, { itemIndex, limits }) {
			return await findCertificateIn.call(this, scope, id, itemIndex, limits);
		},
		alreadyDone(found, { scope }) {
			return found.active === true ? undefined : `the certificate is not active in ${scopeInWords(scope)}`;
		},
		describe(found, { scope, id }) {
			return `certificate ${found.name ? `"${String(found.name)}" ` : ''}(${id}) in ${scopeInWords(scope)}`;
		},
		item(entry, { scope }, extra = {}) {
			return toCertificateItem(entry, { ...(scope.projectId ? { projectId: scope.projectId } : {}), ...extra });
		},
		async change(this: IExecuteFunctions, { scope, id }, _found, { itemIndex, limits }) {
			return toCertificateItem(await toggleCertificate.call(this, scope, id, false, itemIndex, limits), scope.projectId ? { projectId: scope.projectId } : {});
		},
		// A certificate gone in the meantime was not deactivated by this run: its 404 is an error, not "done".
		notFoundMeansDone: false,
	});
	return { activate, deactivate };
}
