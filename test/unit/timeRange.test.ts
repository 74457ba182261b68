import { DateTime, Settings } from 'luxon';

import { parseMoment } from '../../nodes/shared/time/dates';
import { presetRange, resolveTimeRange } from '../../nodes/shared/time/timeRange';
import type { BucketRules } from '../../nodes/shared/time/timeRange';

/** Wednesday 18 March 2026, 15:30 UTC. */
const NOW = DateTime.fromISO('2026-03-18T15:30:00Z', { zone: 'utc' });
const DAYS: BucketRules = { bucketSeconds: 86_400, label: 'costs' };
const HOURS: BucketRules = { bucketSeconds: 3_600, maxBuckets: 168, label: 'hourly usage' };

const iso = (range: { start: DateTime; end: DateTime }) => [range.start.toUTC().toISO(), range.end.toUTC().toISO()];

describe('dates without a time zone are UTC', () => {
	let defaultZone: typeof Settings.defaultZone;
	beforeEach(() => {
		defaultZone = Settings.defaultZone;
		Settings.defaultZone = 'America/New_York';
	});
	afterEach(() => {
		Settings.defaultZone = defaultZone;
	});

	test('a date or a date and time without a zone is read as UTC, whatever the default zone', () => {
		expect(parseMoment('2026-01-31')?.toISO()).toBe('2026-01-31T00:00:00.000Z');
		expect(parseMoment(' 2026-01-31T08:00:00 ')?.toISO()).toBe('2026-01-31T08:00:00.000Z');
	});

	test('a value that names a zone keeps its moment', () => {
		expect(parseMoment('2026-01-31T08:00:00+02:00')?.toISO()).toBe('2026-01-31T06:00:00.000Z');
		expect(parseMoment(DateTime.fromISO('2026-01-31T08:00:00', { zone: 'Asia/Tokyo' }))?.toISO()).toBe(
			'2026-01-30T23:00:00.000Z',
		);
		expect(parseMoment(new Date(Date.UTC(2026, 0, 31, 8)))?.toISO()).toBe('2026-01-31T08:00:00.000Z');
	});

	test('empty is no date, and text that is not a date is an invalid one', () => {
		for (const empty of [undefined, null, '']) expect(parseMoment(empty)).toBeUndefined();
		expect(parseMoment('next tuesday')?.isValid).toBe(false);
	});

	test('a custom range given without zones covers those UTC days', () => {
		const result = resolveTimeRange({ preset: 'custom', customStart: '2026-03-01', customEnd: '2026-03-08' }, DAYS, NOW);
		expect('range' in result && iso(result.range)).toEqual(['2026-03-01T00:00:00.000Z', '2026-03-08T00:00:00.000Z']);
	});
});

describe('time range presets count whole UTC days', () => {
	test.each([
		['yesterday', '2026-03-17T00:00:00.000Z', '2026-03-18T00:00:00.000Z'],
		['last7Days', '2026-03-11T00:00:00.000Z', '2026-03-18T00:00:00.000Z'],
		['last30Days', '2026-02-16T00:00:00.000Z', '2026-03-18T00:00:00.000Z'],
		['thisMonth', '2026-03-01T00:00:00.000Z', '2026-03-19T00:00:00.000Z'],
		['lastMonth', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
	] as const)('%s', (preset, start, end) => {
		expect(iso(presetRange(preset, NOW))).toEqual([start, end]);
	});

	test('a preset counts from the UTC day even when now is given in another zone', () => {
		const tokyo = DateTime.fromISO('2026-03-19T02:00:00', { zone: 'Asia/Tokyo' });
		expect(iso(presetRange('yesterday', tokyo))).toEqual(['2026-03-17T00:00:00.000Z', '2026-03-18T00:00:00.000Z']);
	});
});

describe('resolving a time range', () => {
	test('a custom range is widened to whole buckets', () => {
		const result = resolveTimeRange(
			{ preset: 'custom', customStart: '2026-03-01T10:20:00Z', customEnd: '2026-03-01T12:10:00Z' },
			HOURS,
			NOW,
		);
		expect('range' in result && iso(result.range)).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-01T13:00:00.000Z']);
	});

	test.each([
		[{ preset: 'fortnight' }, 'Time Range', '"Time Range" must be one of'],
		[{ preset: 'custom', customEnd: '2026-03-02' }, 'Start', '"Start" is empty'],
		[{ preset: 'custom', customStart: '2026-03-02', customEnd: 'soon' }, 'End', '"End" is not a date: "soon"'],
		[{ preset: 'custom', customStart: '2026-03-02', customEnd: '2026-03-01' }, 'End', 'must be later than'],
		[{ preset: 'custom', customStart: '2026-04-01', customEnd: '2026-04-02' }, 'Start', 'is in the future'],
	])('names the field to fix: %j', (input, field, message) => {
		const result = resolveTimeRange(input, DAYS, NOW);
		expect('problem' in result && result.problem.field).toBe(field);
		expect('problem' in result && result.problem.message).toContain(message);
	});

	test('an hourly range longer than 168 hours is refused before any request', () => {
		const result = resolveTimeRange({ preset: 'last30Days' }, HOURS, NOW);
		expect('problem' in result && result.problem.message).toBe(
			'The time range covers 720 hours, more than OpenAI serves for hourly usage (168 hours)',
		);
	});
});
