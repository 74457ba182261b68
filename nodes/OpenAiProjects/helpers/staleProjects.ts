import type { IDataObject } from 'n8n-workflow';

import type { ActivitySource } from './activitySources';
import type { TimeBucket } from '../../shared/resources/report';
import { roundToMillionths } from '../../shared/resources/costReport';
import type { Project } from '../../shared/resources/projects';
import { utcDate, utcIso } from '../../shared/time/dates';

const DAY_SECONDS = 86_400;

/** The moments a search compares against, in unix seconds. */
export interface StaleWindow {
	now: number;
	/** 00:00 UTC of the day `inactiveDays` ago: activity from then on keeps a project off the list */
	windowStart: number;
	inactiveDays: number;
	/** how far back costs and usage were read to find the last activity (at least the window) */
	lookBackStart: number;
	lookBackDays: number;
}

export function staleWindow(nowSeconds: number, inactiveDays: number, lookBackDays: number): StaleWindow {
	const today = Math.floor(nowSeconds / DAY_SECONDS) * DAY_SECONDS;
	const looked = Math.max(inactiveDays, lookBackDays);
	return {
		now: nowSeconds,
		windowStart: today - inactiveDays * DAY_SECONDS,
		inactiveDays,
		lookBackStart: today - looked * DAY_SECONDS,
		lookBackDays: looked,
	};
}

interface SourceEvidence {
	/** the start of the last UTC day with activity of this kind, in the looked-back range */
	lastDay: number | null;
	inWindow: number;
	inLookBack: number;
	requestsInWindow: number;
}

interface KeyEvidence {
	id: string;
	name: string | null;
	owner: string | null;
	lastUsedAt: number | null;
}

/** What was seen of one project: per source, and its keys once they were listed. */
export interface ProjectActivity {
	sources: Map<string, SourceEvidence>;
	keys?: KeyEvidence[];
}

export type ActivityLedger = Map<string, ProjectActivity>;

function activityOf(ledger: ActivityLedger, projectId: string): ProjectActivity {
	let activity = ledger.get(projectId);
	if (!activity) {
		activity = { sources: new Map() };
		ledger.set(projectId, activity);
	}
	return activity;
}

/** Adds one report's buckets (grouped by project_id) to the ledger. Results without a positive measure are no activity. */
export function recordReport(ledger: ActivityLedger, source: ActivitySource, buckets: TimeBucket[], window: StaleWindow): void {
	for (const bucket of buckets) {
		for (const result of bucket.results) {
			if (typeof result.project_id !== 'string') continue;
			const measure = source.measure(result);
			if (!(measure > 0)) continue;
			const sources = activityOf(ledger, result.project_id).sources;
			const evidence = sources.get(source.name) ?? { lastDay: null, inWindow: 0, inLookBack: 0, requestsInWindow: 0 };
			evidence.inLookBack += measure;
			evidence.lastDay = Math.max(evidence.lastDay ?? bucket.start_time, bucket.start_time);
			if (bucket.start_time >= window.windowStart) {
				evidence.inWindow += measure;
				evidence.requestsInWindow += source.requests(result);
			}
			sources.set(source.name, evidence);
		}
	}
}

export function recordKeys(ledger: ActivityLedger, projectId: string, keys: IDataObject[]): void {
	activityOf(ledger, projectId).keys = keys.map((key) => {
		const owner = key.owner as IDataObject | undefined;
		return {
			id: String(key.id),
			name: typeof key.name === 'string' ? key.name : null,
			owner: typeof owner?.type === 'string' ? owner.type : null,
			lastUsedAt: typeof key.last_used_at === 'number' ? key.last_used_at : null,
		};
	});
}

/** Any cost, any usage of any kind or any key used since the window started. */
export function isActive(ledger: ActivityLedger, projectId: string, window: StaleWindow): boolean {
	const activity = ledger.get(projectId);
	if (!activity) return false;
	for (const evidence of activity.sources.values()) if (evidence.inWindow > 0) return true;
	return (activity.keys ?? []).some((key) => key.lastUsedAt !== null && key.lastUsedAt >= window.windowStart);
}

interface LastActivity {
	at: number;
	source: string;
}

function lastActivityOf(activity: ProjectActivity | undefined): LastActivity | null {
	let last: LastActivity | null = null;
	for (const [name, evidence] of activity?.sources ?? []) {
		if (evidence.lastDay !== null && (last === null || evidence.lastDay > last.at)) last = { at: evidence.lastDay, source: name };
	}
	for (const key of activity?.keys ?? []) {
		if (key.lastUsedAt !== null && (last === null || key.lastUsedAt > last.at)) {
			last = { at: key.lastUsedAt, source: `API key "${key.name ?? key.id}" (${key.id})` };
		}
	}
	return last;
}

export function ageInDays(project: Project, nowSeconds: number): number {
	return Math.max(0, Math.floor((nowSeconds - project.created_at) / DAY_SECONDS));
}

/** One short sentence; what was looked at and found stays in the item's own fields (lastActivitySource, evidence). */
function reasonFor(last: LastActivity | null, window: StaleWindow, ageDays: number): string {
	if (last !== null) return `No activity in ${window.inactiveDays} days; last active ${utcDate(last.at)}.`;
	return ageDays < window.lookBackDays
		? `No activity since it was created ${ageDays} days ago.`
		: `No activity in the ${window.lookBackDays} days looked at.`;
}

function evidenceOf(activity: ProjectActivity | undefined, sources: readonly ActivitySource[]): IDataObject {
	const evidence: IDataObject = {};
	for (const source of sources) {
		const seen = activity?.sources.get(source.name);
		evidence[source.name] = {
			lastDay: seen?.lastDay === null || seen === undefined ? null : utcDate(seen.lastDay),
			inWindow: source.unit === 'usd' ? roundToMillionths(seen?.inWindow ?? 0) : (seen?.inWindow ?? 0),
			inLookBack: source.unit === 'usd' ? roundToMillionths(seen?.inLookBack ?? 0) : (seen?.inLookBack ?? 0),
			unit: source.unit,
		};
	}
	evidence.apiKeys = (activity?.keys ?? []).map((key) => ({
		id: key.id,
		name: key.name,
		owner: key.owner,
		lastUsedAt: key.lastUsedAt === null ? null : utcIso(key.lastUsedAt),
	}));
	return evidence;
}

/** The output item for a project found stale. */
export function staleItem(
	projectItem: IDataObject,
	project: Project,
	ledger: ActivityLedger,
	window: StaleWindow,
	evidenceFrom?: readonly ActivitySource[],
): IDataObject {
	const activity = ledger.get(project.id);
	const last = lastActivityOf(activity);
	const ageDays = ageInDays(project, window.now);
	let costInWindow = 0;
	let requestsInWindow = 0;
	for (const [name, evidence] of activity?.sources ?? []) {
		if (name === 'costs') costInWindow += evidence.inWindow;
		requestsInWindow += evidence.requestsInWindow;
	}
	const item: IDataObject = {
		...projectItem,
		lastActivityAt: last === null ? null : utcIso(last.at),
		lastActivitySource: last?.source ?? null,
		lookedBackTo: utcIso(window.lookBackStart),
		lookedBackDays: window.lookBackDays,
		costInWindow: roundToMillionths(costInWindow),
		requestsInWindow,
		ageDays,
		reason: reasonFor(last, window, ageDays),
	};
	if (evidenceFrom) item.evidence = evidenceOf(activity, evidenceFrom);
	return item;
}

/** Longest idle first: never active (or not within reach) first, then by last activity, then the oldest project. */
export function byLongestIdle(a: IDataObject, b: IDataObject): number {
	const last = (item: IDataObject) => (typeof item.lastActivityAt === 'string' ? Date.parse(item.lastActivityAt) : -Infinity);
	const difference = last(a) - last(b);
	if (difference !== 0 && !Number.isNaN(difference)) return difference;
	return Number(a.created_at) - Number(b.created_at);
}
