import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { NO_AUDIT_LOG_FILTER, readAuditLogPages, toAuditLogItem } from '../../shared/auditLogs/auditLogs';
import type { Feed, TriggerEvent, TriggerSettings, TriggerState } from './feed';
import type { PollBudget } from './pollBudget';
import { chosenResourceEvents } from './resourceEvents';

/**
 * OpenAI may log an event a little after it happened: every poll reads again the last ten minutes before the newest
 * event seen, and the ids remembered from that window keep anything read before from being emitted twice.
 */
export const AUDIT_LOOKBACK_SECONDS = 600;
/** The remembered ids are bounded: the window's ids, at most this many (the newest). */
export const MAX_REMEMBERED_EVENTS = 5_000;

type AuditMemory = NonNullable<TriggerState['audit']>;

/** One audit log the trigger reads: the organization's, or the tenant-scoped one, each remembered apart. */
interface AuditLogSource {
	memory: 'audit' | 'tenantAudit';
	tenantOnly: boolean;
	/** Whether the settings watch this log at all. */
	watched(settings: TriggerSettings): boolean;
	/** The types to ask for; empty: every type. */
	types(settings: TriggerSettings): string[];
	/** The trigger event an event of this type is emitted as. */
	eventOf(settings: TriggerSettings, type: string): TriggerEvent;
}

async function readEvents(
	this: IPollFunctions,
	source: AuditLogSource,
	settings: TriggerSettings,
	budget: PollBudget,
	from?: number,
	wanted?: number,
) {
	const events: IDataObject[] = [];
	const filter = { ...NO_AUDIT_LOG_FILTER, from, eventTypes: source.types(settings), tenantOnly: source.tenantOnly };
	for await (const page of readAuditLogPages.call(this, { filter, wanted, ...budget.requestOptions() })) {
		events.push(...page);
		if (wanted !== undefined && events.length >= wanted) break;
		budget.checkBeforeRequest();
	}
	return events;
}

const timeOf = (event: IDataObject) => (typeof event.effective_at === 'number' ? event.effective_at : 0);

/** Where a poll starts reading: the lookback window before the newest event seen (on the first poll: before now). */
function readFrom(settings: TriggerSettings, memory: AuditMemory | undefined, now: number): number {
	return memory === undefined ? now - Math.max(AUDIT_LOOKBACK_SECONDS, settings.backfillSeconds) : memory.newest - AUDIT_LOOKBACK_SECONDS;
}

/**
 * The events read, against the state as it is now. An event is new when its id is not remembered and it falls in
 * the window a poll from the current state reads; one older than that was in an earlier poll's window (a poll that
 * read from an older state, and finished later, must not emit it again).
 */
function commitEvents(source: AuditLogSource, settings: TriggerSettings, state: TriggerState, events: IDataObject[], now: number): IDataObject[] {
	const memory = state[source.memory];
	const first = memory === undefined;
	const seen = new Map(memory?.seen ?? []);
	const floor = first ? -Infinity : readFrom(settings, memory, now);
	// OpenAI lists newest first (and, within a second, the later one first): emit in the order they happened.
	const fresh = events
		.filter((event) => !seen.has(String(event.id)) && timeOf(event) >= floor)
		.reverse()
		.sort((a, b) => timeOf(a) - timeOf(b));
	const newest = Math.max(memory?.newest ?? now, ...events.map(timeOf));
	for (const event of events) seen.set(String(event.id), timeOf(event));
	const kept = [...seen]
		.filter(([, time]) => time >= newest - AUDIT_LOOKBACK_SECONDS)
		.sort((a, b) => b[1] - a[1])
		.slice(0, MAX_REMEMBERED_EVENTS);
	state[source.memory] = { newest, seen: kept };

	const emitted = first ? fresh.filter((event) => settings.backfillSeconds > 0 && timeOf(event) >= now - settings.backfillSeconds) : fresh;
	return emitted.map((event) => toTriggerItem(source, settings, event));
}

function toTriggerItem(source: AuditLogSource, settings: TriggerSettings, event: IDataObject): IDataObject {
	return { event: source.eventOf(settings, String(event.type ?? '')), ...toAuditLogItem(event) };
}

function auditFeed(source: AuditLogSource): Feed {
	return {
		watches: (settings) => source.watched(settings),

		async read(settings, state, now, budget) {
			const events = await readEvents.call(this, source, settings, budget, readFrom(settings, state[source.memory], now));
			return (live) => commitEvents(source, settings, live, events, now);
		},

		async latest(settings, _now, budget) {
			const [event] = await readEvents.call(this, source, settings, budget, undefined, 1);
			return event ? [toTriggerItem(source, settings, event)] : [];
		},
	};
}

const resourceEventOf = (settings: TriggerSettings, type: string, tenant: boolean) =>
	chosenResourceEvents(settings.events, tenant).find((resource) => resource.types.includes(type))?.event;

/**
 * The organization's log, for "New Audit-Log Event" and the resource events it holds (groups, roles, certificates):
 * one read for all of them, so an event two of them watch is still emitted once, as the resource event.
 */
export const auditLogFeed = auditFeed({
	memory: 'audit',
	tenantOnly: false,
	watched: (settings) => settings.events.includes('auditLog') || chosenResourceEvents(settings.events, false).length > 0,
	types(settings) {
		const everyType = settings.events.includes('auditLog') && settings.auditEventTypes.length === 0;
		if (everyType) return [];
		const chosen = settings.events.includes('auditLog') ? settings.auditEventTypes : [];
		const resourceTypes = chosenResourceEvents(settings.events, false).flatMap((resource) => resource.types);
		return [...new Set([...chosen, ...resourceTypes])];
	},
	eventOf: (settings, type) => resourceEventOf(settings, type, false) ?? 'auditLog',
});

/** The tenant-scoped log, for the resource events only it holds (admin API keys). */
export const tenantAuditLogFeed = auditFeed({
	memory: 'tenantAudit',
	tenantOnly: true,
	watched: (settings) => chosenResourceEvents(settings.events, true).length > 0,
	types: (settings) => chosenResourceEvents(settings.events, true).flatMap((resource) => resource.types),
	eventOf: (settings, type) => resourceEventOf(settings, type, true) ?? 'adminKeyChanged',
});
