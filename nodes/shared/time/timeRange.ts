import { DateTime } from 'luxon';

import { parseMoment } from './dates';

export type TimeRangePreset = 'yesterday' | 'last7Days' | 'last30Days' | 'thisMonth' | 'lastMonth' | 'custom';

const TIME_RANGE_PRESETS: readonly TimeRangePreset[] = [
	'yesterday',
	'last7Days',
	'last30Days',
	'thisMonth',
	'lastMonth',
	'custom',
];

/** A UTC range, start included, end excluded: the shape of start_time/end_time in the costs and usage APIs. */
export interface TimeRange {
	start: DateTime;
	end: DateTime;
}

export interface TimeRangeInput {
	preset: string;
	customStart?: unknown;
	customEnd?: unknown;
}

/** What the endpoint's buckets need: their width, and how many of them the API serves for one range. */
export interface BucketRules {
	bucketSeconds: number;
	/** Counted in buckets; undefined means no limit beyond paging. */
	maxBuckets?: number;
	/** Names the limit in the error, e.g. 'hourly usage'. */
	label: string;
}

export interface TimeRangeProblem {
	/** The node field the user has to change, as shown in the editor. */
	field: string;
	message: string;
	description: string;
}

export type TimeRangeResult = { range: TimeRange } | { problem: TimeRangeProblem };

const START_FIELD = 'Start';
const END_FIELD = 'End';

/** OpenAI's buckets are UTC days, so every preset is counted in whole UTC days. */
export function presetRange(preset: Exclude<TimeRangePreset, 'custom'>, now: DateTime): TimeRange {
	const today = now.toUTC().startOf('day');
	switch (preset) {
		case 'yesterday':
			return { start: today.minus({ days: 1 }), end: today };
		case 'last7Days':
			return { start: today.minus({ days: 7 }), end: today };
		case 'last30Days':
			return { start: today.minus({ days: 30 }), end: today };
		case 'thisMonth':
			// Today is still running, but what it has cost so far is what a month-to-date report is for.
			return { start: today.startOf('month'), end: today.plus({ days: 1 }) };
		case 'lastMonth': {
			const thisMonth = today.startOf('month');
			return { start: thisMonth.minus({ months: 1 }), end: thisMonth };
		}
	}
}

function alignDown(moment: DateTime, bucketSeconds: number): DateTime {
	const seconds = Math.floor(moment.toSeconds() / bucketSeconds) * bucketSeconds;
	return DateTime.fromSeconds(seconds, { zone: 'utc' });
}

function alignUp(moment: DateTime, bucketSeconds: number): DateTime {
	const seconds = Math.ceil(moment.toSeconds() / bucketSeconds) * bucketSeconds;
	return DateTime.fromSeconds(seconds, { zone: 'utc' });
}

function readCustomMoment(value: unknown, field: string): DateTime | TimeRangeProblem {
	const moment = parseMoment(value);
	if (moment === undefined) {
		return {
			field,
			message: `"${field}" is empty: a custom time range needs a start and an end`,
			description: 'Pick a date, or choose one of the preset time ranges.',
		};
	}
	if (!moment.isValid) {
		return {
			field,
			message: `"${field}" is not a date: "${String(value)}"`,
			description: 'Use a date like 2026-01-31 or an expression such as {{ $now.minus({ days: 7 }) }}.',
		};
	}
	return moment;
}

function customRange(input: TimeRangeInput, now: DateTime): TimeRangeResult {
	const start = readCustomMoment(input.customStart, START_FIELD);
	if (!DateTime.isDateTime(start)) return { problem: start };
	const end = readCustomMoment(input.customEnd, END_FIELD);
	if (!DateTime.isDateTime(end)) return { problem: end };
	if (end <= start) {
		return {
			problem: {
				field: END_FIELD,
				message: `"${END_FIELD}" (${end.toISO()}) must be later than "${START_FIELD}" (${start.toISO()})`,
				description: 'The end is not included in the range: to report on one day, end at the next day.',
			},
		};
	}
	if (start > now) {
		return {
			problem: {
				field: START_FIELD,
				message: `"${START_FIELD}" (${start.toISO()}) is in the future`,
				description: `OpenAI has no costs or usage after now (${now.toUTC().toISO()}). Pick an earlier start.`,
			},
		};
	}
	return { range: { start, end } };
}

function formatBuckets(count: number, bucketSeconds: number): string {
	if (bucketSeconds === 60) return `${count} minutes`;
	if (bucketSeconds === 3600) return `${count} hours`;
	if (bucketSeconds === 86_400) return `${count} days`;
	return `${count} buckets`;
}

/**
 * Turns the node's time range fields into the range to ask for, widened to whole buckets (OpenAI counts whole
 * buckets), or the problem to show before any request is sent.
 */
export function resolveTimeRange(input: TimeRangeInput, rules: BucketRules, now: DateTime): TimeRangeResult {
	if (!TIME_RANGE_PRESETS.includes(input.preset as TimeRangePreset)) {
		return {
			problem: {
				field: 'Time Range',
				message: `"Time Range" must be one of ${TIME_RANGE_PRESETS.join(', ')}, not "${input.preset}"`,
				description: 'Pick a time range from the list.',
			},
		};
	}
	const chosen =
		input.preset === 'custom'
			? customRange(input, now)
			: { range: presetRange(input.preset as Exclude<TimeRangePreset, 'custom'>, now) };
	if ('problem' in chosen) return chosen;

	const range = {
		start: alignDown(chosen.range.start, rules.bucketSeconds),
		end: alignUp(chosen.range.end, rules.bucketSeconds),
	};
	const buckets = Math.round((range.end.toSeconds() - range.start.toSeconds()) / rules.bucketSeconds);
	if (rules.maxBuckets !== undefined && buckets > rules.maxBuckets) {
		return {
			problem: {
				field: input.preset === 'custom' ? END_FIELD : 'Time Range',
				message: `The time range covers ${formatBuckets(buckets, rules.bucketSeconds)}, more than OpenAI serves for ${rules.label} (${formatBuckets(rules.maxBuckets, rules.bucketSeconds)})`,
				description: 'Choose a shorter time range, or daily buckets ("Bucket Width": Day) for longer ranges.',
			},
		};
	}
	return { range };
}
