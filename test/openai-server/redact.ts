import { fingerprint } from './fixtures';

const KEY_PATTERN = /sk-[A-Za-z0-9_-]{8,}/g;

/** Replaces anything shaped like an API key with its fingerprint, wherever it hides in a value. */
export function redactKeys<T>(value: T): T {
	if (typeof value === 'string') return value.replace(KEY_PATTERN, (key) => fingerprint(key)) as T;
	if (Array.isArray(value)) return value.map((item) => redactKeys(item)) as T;
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([name, item]) => [name, redactKeys(item)]),
		) as T;
	}
	return value;
}
