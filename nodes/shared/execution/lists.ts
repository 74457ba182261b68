/**
 * A list parameter as given: a multi-select's array, or a comma-separated text (what a string field or an
 * expression often gives). Entries trimmed, empty ones and repeats dropped, in order.
 */
export function readList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
	return [...new Set(entries.map((entry) => entry.trim()).filter((entry) => entry !== ''))];
}
