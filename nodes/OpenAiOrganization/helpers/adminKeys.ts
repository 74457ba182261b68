import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemContext } from '../../shared/execution/destructiveOperation';
import { readableItem } from '../../shared/resources/readableItem';
import type { OrganizationObjectKind } from '../../shared/resources/organizationObjects';
import { listPages, loadCredentials } from '../../shared/transport';

export const ADMIN_KEY: OrganizationObjectKind = {
	path: '/organization/admin_api_keys',
	parameter: 'adminApiKeyId',
	label: 'Admin API Key',
	noun: 'admin API key',
	example: 'key_abc123',
	idPattern: /^key_[A-Za-z0-9]+$/,
	searchMethod: 'searchAdminApiKeys',
};

/** An Admin key: name, owner and dates first, then OpenAI's answer (never a key's value: see create). */
export function toAdminKeyItem(entry: IDataObject, extra: IDataObject = {}): IDataObject {
	const owner = (entry.owner ?? {}) as IDataObject;
	return readableItem(entry, { ...(owner.name ? { ownerName: owner.name } : {}), ...extra });
}

/**
 * Whether a redacted value ("sk-admin...def", "sk-admin-****abcd") may be this key: the key starts with what is
 * shown before the dots or stars and ends with what is shown after them. Only the redacted forms are compared; the
 * key itself is never written anywhere.
 */
export function mayBeKey(redactedValue: unknown, apiKey: string): boolean {
	const parts = String(redactedValue ?? '').split(/\.{3}|\*+|…/);
	if (parts.length < 2) return false;
	const [shown, last] = [parts[0], parts[parts.length - 1]];
	return shown.length > 0 && last.length >= 2 && apiKey.startsWith(shown) && apiKey.endsWith(last);
}

async function organizationAdminKeys(this: IExecuteFunctions, { itemIndex, limits }: ItemContext): Promise<IDataObject[]> {
	const keys: IDataObject[] = [];
	for await (const page of listPages.call(this, { path: ADMIN_KEY.path, qs: { limit: 100 }, itemIndex, ...limits })) keys.push(...page);
	return keys;
}

/**
 * Refuses, before any request changes anything, to delete the organization's last Admin key (nobody could
 * administer it through the API any more) or the key this credential uses (the run would lock itself out).
 */
export async function refuseLockout(this: IExecuteFunctions, found: IDataObject, keyId: string, context: ItemContext): Promise<void> {
	const keys = await organizationAdminKeys.call(this, context);
	const { apiKey } = (await loadCredentials.call(this, context.itemIndex)).values;
	const named = `${found.name ? `"${String(found.name)}" ` : ''}(${keyId}, ${String(found.redacted_value ?? 'redacted')})`;
	if (keys.length <= 1 && keys.every((key) => key.id === keyId)) {
		throw new NodeOperationError(this.getNode(), `Admin API key ${named} is the organization's last Admin key; nothing was deleted`, {
			itemIndex: context.itemIndex,
			description: 'Without an Admin key nobody can administer the organization through the API. Create another one first (Admin API Key > Create), then delete this one.',
		});
	}
	if (mayBeKey(found.redacted_value, apiKey)) {
		throw new NodeOperationError(this.getNode(), `Admin API key ${named} is the key this credential uses; nothing was deleted`, {
			itemIndex: context.itemIndex,
			description: 'Deleting it would lock this workflow out midway. Create a new Admin key, put it into the credential, then delete this one with the new key (its redacted value matches the credential\'s key).',
		});
	}
}
