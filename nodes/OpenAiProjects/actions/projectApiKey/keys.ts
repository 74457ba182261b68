import type { IDataObject } from 'n8n-workflow';

const DAY_SECONDS = 86_400;

interface KeyOwner {
	type?: string;
	user?: IDataObject;
	service_account?: IDataObject;
}

/** Who owns a key, flat, for Filter and spreadsheet nodes: type, ID, name, email (users only). */
export function ownerFields(key: IDataObject): IDataObject {
	const owner = (key.owner ?? {}) as KeyOwner;
	const who = (owner.type === 'service_account' ? owner.service_account : owner.user) ?? {};
	return {
		ownerType: owner.type ?? null,
		ownerId: who.id ?? null,
		ownerName: who.name ?? null,
		ownerEmail: who.email ?? null,
	};
}

/** Whole days since the key was last used (null: never used). */
export function daysSinceLastUse(key: IDataObject, nowSeconds: number): number | null {
	return typeof key.last_used_at === 'number' ? Math.floor((nowSeconds - key.last_used_at) / DAY_SECONDS) : null;
}

/**
 * Unused for `days`: last used before then, or never used and created before then (a key made yesterday is not
 * "unused for 90 days" yet).
 */
export function unusedFor(key: IDataObject, days: number, nowSeconds: number): boolean {
	const since = typeof key.last_used_at === 'number' ? key.last_used_at : Number(key.created_at);
	return since < nowSeconds - days * DAY_SECONDS;
}
