import type { IDataObject } from 'n8n-workflow';

/** One response header as text (the first of a repeated one); undefined when absent or empty. */
export function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	const raw = headers?.[name];
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (value === undefined || value === null) return undefined;
	const text = String(value);
	return text === '' ? undefined : text;
}
