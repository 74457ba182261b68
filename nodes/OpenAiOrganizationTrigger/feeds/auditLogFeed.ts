import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { NO_AUDIT_LOG_FILTER, readAuditLogPages, toAuditLogItem } from '../../shared/auditLogs/auditLogs';
import type { Feed, TriggerSettings, TriggerState } from './feed';
import type { PollBudget } from './pollBudget';

/**
 * OpenAI may log an event a little after it happened: every poll reads again the last ten minutes before the newest
 * event seen, and the ids remembered from that window keep anything read before from being emitted twice.
 */
export const AUDIT_LOOKBACK_SECONDS = 600;
/** The remembered ids are bounded: the window's ids, at most this many (the newest). */
export const MAX_REMEMBERED_EVENTS = 5_000;

async function readEvents(this: IPollFunctions, settings: TriggerSettings, budget: PollBudget, from?: number, wanted?: number) {
	const events: IDataObject[] = [];
	const filter = { ...NO_AUDIT_LOG_FILTER, from, eventTypes: settings.auditEventTypes };
	for await (const page of readAuditLogPages.call(this, { filter, wanted, ...budget.requestOptions() })) {
		events.push(...page);
		if (wanted !== undefined && events.length >= wanted) break;
		budget.checkBeforeRequest();
	}
	return events;
}

const timeOf = (event: IDataObject) => (typeof event.effective_at === 'number' ? event.effective_at : 0);

/** Where a poll starts reading: the lookback window before the newest event seen (on the first poll: before now). */
function readFrom(settings: TriggerSettings, state: TriggerState, now: number): number {
	return state.audit === undefined
		? now - Math.max(AUDIT_LOOKBACK_SECONDS, settings.backfillSeconds)
		: state.audit.newest - AUDIT_LOOKBACK_SECONDS;
}

/**
 * The events read, against the state as it is now. An event is new when its id is not remembered and it falls in
 * the window a poll from the current state reads; one older than that was in an earlier poll's window (a poll that
 * read from an older state, and finished later, must not emit it again).
 */
function commitEvents(settings: TriggerSettings, state: TriggerState, events: IDataObject[], now: number): IDataObject[] {
	const first = state.audit === undefined;
	const seen = new Map(state.audit?.seen ?? []);
	const floor = first ? -Infinity : readFrom(settings, state, now);
	// OpenAI lists newest first (and, within a second, the later one first): emit in the order they happened.
	const fresh = events
		.filter((event) => !seen.has(String(event.id)) && timeOf(event) >= floor)
		.reverse()
		.sort((a, b) => timeOf(a) - timeOf(b));
	const newest = Math.max(state.audit?.newest ?? now, ...events.map(timeOf));
	for (const event of events) seen.set(String(event.id), timeOf(event));
	const kept = [...seen]
		.filter(([, time]) => time >= newest - AUDIT_LOOKBACK_SECONDS)
		.sort((a, b) => b[1] - a[1])
		.slice(0, MAX_REMEMBERED_EVENTS);
	state.audit = { newest, seen: kept };

	const emitted = first ? fresh.filter((event) => settings.backfillSeconds > 0 && timeOf(event) >= now - settings.backfillSeconds) : fresh;
	return emitted.map((event) => ({ event: 'auditLog', ...toAuditLogItem(event) }));
}

export const auditLogFeed: Feed = {
	watches: (settings) => settings.events.includes('auditLog'),

	async read(settings, state, now, budget) {
		const events = await readEvents.call(this, settings, budget, readFrom(settings, state, now));
		return (live) => commitEvents(settings, live, events, now);
	},

	async latest(settings, _now, budget) {
		const [event] = await readEvents.call(this, settings, budget, undefined, 1);
		return event ? [{ event: 'auditLog', ...toAuditLogItem(event) }] : [];
	},
};
