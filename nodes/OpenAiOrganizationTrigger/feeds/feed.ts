import type { IDataObject, IPollFunctions } from 'n8n-workflow';

export type TriggerEvent = 'auditLog' | 'projectCreated' | 'projectArchived' | 'spendThreshold' | 'keyUnused';

/** What the trigger's parameters ask for, read and checked once per poll. */
export interface TriggerSettings {
	events: TriggerEvent[];
	auditEventTypes: string[];
	spendThreshold: number;
	spendPeriod: 'day' | 'month';
	/** Empty: the organization's spend. */
	spendProjectIds: string[];
	unusedDays: number;
	/** On the first poll only: how far back to emit what already happened (0: nothing old). */
	backfillSeconds: number;
}

/**
 * What the trigger remembers between polls, in the workflow's static data (saved with the workflow by n8n, so it
 * holds in queue mode and over restarts). Each feed's part is absent until that feed's first poll.
 */
export interface TriggerState extends IDataObject {
	audit?: { newest: number; seen: Array<[string, number]> };
	projects?: { active: string[]; archived: string[] };
	spend?: { crossed: string[] };
	keys?: { checkedAt: number; alerted: string[] };
}

/** One watched feed: a poll that emits what is new since the state, and the latest real event for a manual test. */
export interface Feed {
	watches(settings: TriggerSettings): boolean;
	poll(this: IPollFunctions, settings: TriggerSettings, state: TriggerState, now: number): Promise<IDataObject[]>;
	latest(this: IPollFunctions, settings: TriggerSettings, now: number): Promise<IDataObject[]>;
}
