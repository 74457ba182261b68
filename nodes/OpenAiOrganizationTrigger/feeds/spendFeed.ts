import { DateTime } from 'luxon';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { utcIso } from '../../shared/time/dates';
import { listReportPages } from '../../shared/transport';
import type { Feed, TriggerSettings, TriggerState } from './feed';

const ORGANIZATION = 'organization';

function periodOf(settings: TriggerSettings, now: number) {
	const start = DateTime.fromSeconds(now, { zone: 'utc' }).startOf(settings.spendPeriod);
	return { start: Math.round(start.toSeconds()), key: `${settings.spendPeriod}:${start.toISODate()}` };
}

/** The spend of each watched scope (the organization, or each project) since the period began: one request. */
async function readSpend(this: IPollFunctions, settings: TriggerSettings, periodStart: number, scopes: string[]) {
	const perProject = settings.spendProjectIds.length > 0;
	const qs: IDataObject = { start_time: periodStart, bucket_width: '1d', limit: 31 };
	if (perProject) {
		qs.project_ids = scopes;
		qs.group_by = ['project_id'];
	}
	const totals = new Map<string, { amount: number; currency: string }>(
		scopes.map((scope) => [scope, { amount: 0, currency: 'usd' }]),
	);
	for await (const buckets of listReportPages.call(this, { path: '/organization/costs', qs })) {
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
	}
	return totals;
}

function spendItem(settings: TriggerSettings, period: { start: number }, scope: string, total: { amount: number; currency: string }) {
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

/**
 * Each scope crosses the threshold at most once a period: once it has, the trigger remembers it until the period
 * ends, and while every watched scope has crossed, a poll sends no request at all. OpenAI's costs can lag a day.
 */
export const spendFeed: Feed = {
	watches: (settings) => settings.events.includes('spendThreshold'),

	async poll(settings, state: TriggerState, now) {
		const period = periodOf(settings, now);
		const first = state.spend === undefined;
		const crossed = new Set((state.spend?.crossed ?? []).filter((entry) => entry.startsWith(`${period.key}|`)));
		const scopes = settings.spendProjectIds.length ? settings.spendProjectIds : [ORGANIZATION];
		const pending = scopes.filter((scope) => !crossed.has(`${period.key}|${scope}`));
		const events: IDataObject[] = [];
		if (pending.length > 0) {
			const totals = await readSpend.call(this, settings, period.start, pending);
			for (const [scope, total] of totals) {
				if (total.amount < settings.spendThreshold) continue;
				crossed.add(`${period.key}|${scope}`);
				if (!first || settings.backfillSeconds > 0) events.push(spendItem(settings, period, scope, total));
			}
		}
		state.spend = { crossed: [...crossed] };
		return events;
	},

	async latest(settings, now) {
		const period = periodOf(settings, now);
		const scopes = settings.spendProjectIds.length ? settings.spendProjectIds : [ORGANIZATION];
		const totals = await readSpend.call(this, settings, period.start, scopes);
		return [...totals].map(([scope, total]) => spendItem(settings, period, scope, total));
	},
};
