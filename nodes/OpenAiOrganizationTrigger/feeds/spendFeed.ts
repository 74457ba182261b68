import { DateTime } from 'luxon';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { utcIso } from '../../shared/time/dates';
import { listReportPages } from '../../shared/transport';
import type { Feed, TriggerSettings, TriggerState } from './feed';
import type { PollBudget } from './pollBudget';

const ORGANIZATION = 'organization';

interface Period {
	start: number;
	/** The end, for a period that is over (read up to there); none for the current one. */
	end?: number;
	key: string;
}

function periodAt(settings: TriggerSettings, seconds: number): Period {
	const start = DateTime.fromSeconds(seconds, { zone: 'utc' }).startOf(settings.spendPeriod);
	return { start: Math.round(start.toSeconds()), key: `${settings.spendPeriod}:${start.toISODate()}` };
}

/** The spend of each watched scope (the organization, or each project) in the period: one request. */
async function readSpend(this: IPollFunctions, settings: TriggerSettings, period: Period, scopes: string[], budget: PollBudget) {
	const perProject = settings.spendProjectIds.length > 0;
	const qs: IDataObject = { start_time: period.start, bucket_width: '1d', limit: 31 };
	if (period.end !== undefined) qs.end_time = period.end;
	if (perProject) {
		qs.project_ids = scopes;
		qs.group_by = ['project_id'];
	}
	const totals = new Map<string, { amount: number; currency: string }>(
		scopes.map((scope) => [scope, { amount: 0, currency: 'usd' }]),
	);
	for await (const buckets of listReportPages.call(this, { path: '/organization/costs', qs, ...budget.requestOptions() })) {
		for (const bucket of buckets) {
			for (const result of (bucket.results as IDataObject[] | undefined) ?? []) {
				const scope = perProject ? String(result.project_id) : ORGANIZATION;
				const total = totals.get(scope);
				const amount = result.amount as { value?: unknown; currency?: unknown } | undefined;
				if (!total) continue;
				total.amount += Number(amount?.value ?? 0) || 0;
				if (typeof amount?.currency === 'string') total.currency = amount.currency;
			}
		}
		budget.checkBeforeRequest();
	}
	return totals;
}

function spendItem(settings: TriggerSettings, period: Period, scope: string, total: { amount: number; currency: string }) {
	return {
		event: 'spendThreshold',
		scope: scope === ORGANIZATION ? 'organization' : 'project',
		projectId: scope === ORGANIZATION ? null : scope,
		period: settings.spendPeriod,
		periodStart: utcIso(period.start),
		amount: Math.round(total.amount * 100) / 100,
		currency: total.currency,
		threshold: settings.spendThreshold,
	};
}

const scopesOf = (settings: TriggerSettings) => (settings.spendProjectIds.length ? settings.spendProjectIds : [ORGANIZATION]);
/** The period part of a remembered crossing (`day:2026-11-23|proj_abc`); keys of one kind sort by date. */
const periodKeyOf = (crossing: string) => crossing.slice(0, crossing.indexOf('|'));

type SpendReading = { period: Period; totals: Map<string, { amount: number; currency: string }> };

/** The totals read, against the state as it is now: a crossing goes out once, whichever poll saw it first. */
function commitSpend(settings: TriggerSettings, state: TriggerState, readings: SpendReading[], current: Period): IDataObject[] {
	const first = state.spend === undefined;
	const finishedBefore = state.spend?.period ?? '';
	const latestKey = [state.spend?.period ?? '', current.key].sort().pop() as string;
	const crossed = new Set(state.spend?.crossed ?? []);
	const events: IDataObject[] = [];
	for (const { period, totals } of readings) {
		// Another poll has moved on from this period since this one read it, and finished it then.
		if (period.key < finishedBefore) continue;
		for (const [scope, total] of totals) {
			const crossing = `${period.key}|${scope}`;
			if (total.amount < settings.spendThreshold || crossed.has(crossing)) continue;
			crossed.add(crossing);
			if (!first || settings.backfillSeconds > 0) events.push(spendItem(settings, period, scope, total));
		}
	}
	// Only the newest period's crossings are kept: an older period is never read again once a poll has finished it.
	state.spend = { crossed: [...crossed].filter((entry) => periodKeyOf(entry) === latestKey), period: latestKey };
	return events;
}

/**
 * Each scope crosses the threshold at most once a period: once it has, the trigger remembers it until the period
 * ends, and while every watched scope has crossed, a poll sends no request at all. The first poll of a new period
 * also reads the one that ended, to its end, for the scopes that had not crossed: a crossing in its last minutes,
 * or while n8n skipped polls, still goes out once. OpenAI's costs can lag a day.
 */
export const spendFeed: Feed = {
	watches: (settings) => settings.events.includes('spendThreshold'),

	async read(settings, state, now, budget) {
		const current = periodAt(settings, now);
		const crossed = new Set(state.spend?.crossed ?? []);
		const pendingIn = (period: Period) => scopesOf(settings).filter((scope) => !crossed.has(`${period.key}|${scope}`));
		const readings: SpendReading[] = [];
		const previous = { ...periodAt(settings, current.start - 1), end: current.start };
		if (state.spend?.period === previous.key && pendingIn(previous).length > 0) {
			readings.push({ period: previous, totals: await readSpend.call(this, settings, previous, pendingIn(previous), budget) });
			budget.checkBeforeRequest();
		}
		if (pendingIn(current).length > 0) {
			readings.push({ period: current, totals: await readSpend.call(this, settings, current, pendingIn(current), budget) });
		}
		return (live) => commitSpend(settings, live, readings, current);
	},

	async latest(settings, now, budget) {
		const period = periodAt(settings, now);
		const totals = await readSpend.call(this, settings, period, scopesOf(settings), budget);
		return [...totals].map(([scope, total]) => spendItem(settings, period, scope, total));
	},
};
