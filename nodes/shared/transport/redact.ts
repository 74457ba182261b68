import { keyFingerprint } from './credentials';

const KEY_LIKE = /\bsk-[A-Za-z0-9_-]{16,}/g;

/** Replaces the given key, and anything shaped like an OpenAI key, with its fingerprint. */
export function redactSecrets(text: string, apiKey?: string): string {
	let result = text;
	if (apiKey && apiKey.length >= 8) result = result.split(apiKey).join(keyFingerprint(apiKey));
	return result.replace(KEY_LIKE, (key) => keyFingerprint(key));
}
