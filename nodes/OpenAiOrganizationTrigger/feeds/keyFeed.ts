import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { utcIso } from '../../shared/time/dates';
import { listPages } from '../../shared/transport';
import type { Feed, TriggerSettings, TriggerState } from './feed';
import { readAllProjects } from './projectFeed';

/** A key's idleness changes by the day: the keys are read at most once an hour, not on every poll. */
export const KEY_CHECK_INTERVAL_SECONDS = 3_600;
const DAY = 86_400;

/** Every key of every active project that has not been used for the given days (never used: since created). */
async function readUnusedKeys(this: IPollFunctions, settings: TriggerSettings, now: number): Promise<IDataObject[]> {
	const unused: IDataObject[] = [];
	const cutoff = now - settings.unusedDays * DAY;
	for (const project of await readAllProjects.call(this, false)) {
		const path = `/organization/projects/${encodeURIComponent(project.id)}/api_keys`;
		for await (const keys of listPages.call(this, { path, subject: `project ${project.id}` })) {
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
		}
	}
	return unused;
}

/**
 * A key is reported once when it crosses the idle days; used again, it is forgotten, so a later lapse is reported
 * again. A check reads the projects and each active project's keys: 1 + one request per project (per 100).
 */
export const keyFeed: Feed = {
	watches: (settings) => settings.events.includes('keyUnused'),

	async poll(settings, state: TriggerState, now) {
		if (state.keys && now - state.keys.checkedAt < KEY_CHECK_INTERVAL_SECONDS) return [];
		const first = state.keys === undefined;
		const alerted = new Set(state.keys?.alerted ?? []);
		const unused = await readUnusedKeys.call(this, settings, now);
		state.keys = { checkedAt: now, alerted: unused.map((key) => String(key.keyId)) };
		if (first && settings.backfillSeconds === 0) return [];
		return unused.filter((key) => !alerted.has(String(key.keyId)));
	},

	async latest(settings, now) {
		const unused = await readUnusedKeys.call(this, settings, now);
		const longest = unused.sort((a, b) => Number(b.daysUnused) - Number(a.daysUnused))[0];
		return longest ? [longest] : [];
	},
};
