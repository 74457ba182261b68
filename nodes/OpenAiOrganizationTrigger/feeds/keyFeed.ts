import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { utcIso } from '../../shared/time/dates';
import { listPages } from '../../shared/transport';
import type { Feed, TriggerSettings, TriggerState } from './feed';
import type { PollBudget } from './pollBudget';
import { readAllProjects } from './projectFeed';

/** A key's idleness changes by the day: the keys are read at most once an hour, not on every poll. */
export const KEY_CHECK_INTERVAL_SECONDS = 3_600;
const DAY = 86_400;

/** Every key of every active project that has not been used for the given days (never used: since created). */
async function readUnusedKeys(this: IPollFunctions, settings: TriggerSettings, now: number, budget: PollBudget): Promise<IDataObject[]> {
	const unused: IDataObject[] = [];
	const cutoff = now - settings.unusedDays * DAY;
	for (const project of await readAllProjects.call(this, false, budget)) {
		const path = `/organization/projects/${encodeURIComponent(project.id)}/api_keys`;
		budget.checkBeforeRequest();
		for await (const keys of listPages.call(this, { path, subject: `project ${project.id}`, ...budget.requestOptions() })) {
			for (const key of keys) {
				const lastUsedAt = typeof key.last_used_at === 'number' ? key.last_used_at : null;
				const since = lastUsedAt ?? Number(key.created_at ?? 0);
				if (since >= cutoff) continue;
				const owner = key.owner as IDataObject | undefined;
				const ownerDetails = (owner?.[String(owner?.type)] as IDataObject | undefined) ?? {};
				unused.push({
					event: 'keyUnused',
					keyId: key.id,
					keyName: key.name ?? null,
					redactedValue: key.redacted_value ?? null,
					projectId: project.id,
					projectName: project.name,
					lastUsedAt: lastUsedAt === null ? null : utcIso(lastUsedAt),
					createdAt: typeof key.created_at === 'number' ? utcIso(key.created_at) : null,
					daysUnused: Math.floor((now - since) / DAY),
					ownerType: owner?.type ?? null,
					ownerId: ownerDetails.id ?? null,
					ownerName: ownerDetails.name ?? null,
				});
			}
			budget.checkBeforeRequest();
		}
	}
	return unused;
}

/**
 * The keys read, against the state as it is now. A check made by a poll that started later has already been
 * recorded there: this one then emits nothing and changes nothing.
 */
function commitKeys(settings: TriggerSettings, state: TriggerState, unused: IDataObject[], now: number): IDataObject[] {
	if (state.keys && state.keys.checkedAt > now) return [];
	const first = state.keys === undefined;
	const alerted = new Set(state.keys?.alerted ?? []);
	state.keys = { checkedAt: now, alerted: unused.map((key) => String(key.keyId)) };
	if (first && settings.backfillSeconds === 0) return [];
	return unused.filter((key) => !alerted.has(String(key.keyId)));
}

/**
 * A key is reported once when it crosses the idle days; used again, it is forgotten, so a later lapse is reported
 * again. A check reads the projects and each active project's keys: 1 + one request per project (per 100).
 */
export const keyFeed: Feed = {
	watches: (settings) => settings.events.includes('keyUnused'),

	async read(settings, state, now, budget) {
		if (state.keys && now - state.keys.checkedAt < KEY_CHECK_INTERVAL_SECONDS) return () => [];
		const unused = await readUnusedKeys.call(this, settings, now, budget);
		return (live) => commitKeys(settings, live, unused, now);
	},

	async latest(settings, now, budget) {
		const unused = await readUnusedKeys.call(this, settings, now, budget);
		const longest = unused.sort((a, b) => Number(b.daysUnused) - Number(a.daysUnused))[0];
		return longest ? [longest] : [];
	},
};
