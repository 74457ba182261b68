import { DateTime } from 'luxon';

/**
 * Reads what n8n hands a dateTime field: an ISO string, a JS Date or a luxon DateTime. The one rule for a date
 * without a time zone ("2026-01-31", "2026-01-31T08:00:00"): it is UTC, like every date OpenAI reports, whatever
 * zone n8n or the machine runs in. A value that names a zone ("…+02:00", a DateTime from `$now`) keeps it.
 * Undefined when empty; an invalid DateTime when it is not a date.
 */
export function parseMoment(value: unknown): DateTime | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (DateTime.isDateTime(value)) return value.toUTC();
	if (value instanceof Date) return DateTime.fromJSDate(value, { zone: 'utc' });
	return DateTime.fromISO(String(value).trim(), { zone: 'utc' });
}

/** A moment as whole unix seconds, as the costs and usage APIs take it. */
export function toUnixSeconds(moment: DateTime): number {
	return Math.round(moment.toSeconds());
}

/** YYYY-MM-DD of a unix second, in UTC. */
export function utcDate(seconds: number): string {
	return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** The ISO form of a unix second, in UTC. */
export function utcIso(seconds: number): string {
	return new Date(seconds * 1000).toISOString();
}
