import type { IDataObject } from 'n8n-workflow';

/** The one field that carries a new key's full value, named so nobody mistakes it for something shown again. */
export const SECRET_FIELD = 'apiKeyShownOnce';

/**
 * A new service-account key as the node puts it out: its full value once, under SECRET_FIELD, and its ID, name and
 * date beside it. Nothing else of the node (errors, retries, logs) ever holds the value.
 */
export function secretShownOnce(apiKey: IDataObject | null | undefined): IDataObject {
	if (!apiKey || typeof apiKey.value !== 'string') return {};
	return {
		[SECRET_FIELD]: apiKey.value,
		apiKeyId: apiKey.id,
		apiKeyName: apiKey.name,
		apiKeyCreatedAt: apiKey.created_at,
		notice: `Store "${SECRET_FIELD}" now: OpenAI shows this key only once.`,
	};
}
