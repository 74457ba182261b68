import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { PollBudget } from './pollBudget';

export type TriggerEvent =
	| 'auditLog'
	| 'groupChanged'
	| 'roleChanged'
	| 'certificateChanged'
	| 'adminKeyChanged'
	| 'projectCreated'
	| 'projectArchived'
	| 'spendThreshold'
	| 'keyUnused';

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
 * holds in queue mode and over restarts; with durable poll cursors n8n saves it together with the execution it
 * starts). Each feed's part is absent until that feed's first poll.
 */
export interface TriggerState extends IDataObject {
	audit?: { newest: number; seen: Array<[string, number]> };
	/** The same for the tenant-scoped audit log (admin API key events). */
	tenantAudit?: { newest: number; seen: Array<[string, number]> };
	projects?: { active: string[]; archived: string[] };
	/** `period`: the period (key) the last poll read, so that the first poll of the next one can finish it. */
	spend?: { crossed: string[]; period?: string };
	keys?: { checkedAt: number; alerted: string[] };
}

/**
 * What a feed read, applied to the state as it is when the poll ends: emits what the state has not seen yet and
 * records it there. It awaits nothing, so two polls that overlap (n8n may run a poll twice for the same window)
 * each see what the other recorded, and an event goes out once.
 */
export type Commit = (state: TriggerState) => IDataObject[];

/** One watched feed: reads what may be new since the state, and the latest real event for a manual test. */
export interface Feed {
	watches(settings: TriggerSettings): boolean;
	/** Reads from OpenAI; the state is only looked at here (where to start), never changed. */
	read(this: IPollFunctions, settings: TriggerSettings, state: TriggerState, now: number, budget: PollBudget): Promise<Commit>;
	latest(this: IPollFunctions, settings: TriggerSettings, now: number, budget: PollBudget): Promise<IDataObject[]>;
}
