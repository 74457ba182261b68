import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { openAiErrorFacts } from '../transport';
import { destructiveProperties, readReason } from './destructive';
import type { DestructiveRules, Operation, PreparedItem } from './operation';
import { readRequestLimits } from './requestOptions';
import type { RequestLimits } from './requestOptions';

/** Where one item's target is read and changed: its item and the request limits of the run. */
export interface ItemContext {
	itemIndex: number;
	limits: RequestLimits;
}

/**
 * One destructive operation (archive, delete, remove, revoke), written as what differs between them; everything
 * else is the shape's (destructiveOperation below). `Target` is what the item's parameters name, read before any
 * request; `find` reads the target as it is now.
 */
export interface DestructiveSpec<Target> {
	rules: DestructiveRules;
	show: { resource: string[]; operation: string[] };
	/** the fields that name the target; the shape adds Dry Run, Max per Run and Reason after them */
	fields: INodeProperties[];
	/** the target from the item's parameters; bad input throws here, before any item of the run sends anything */
	target(this: IExecuteFunctions, itemIndex: number): Target;
	/** the target as it is now: found in its listing, else its own GET (see findInListing) */
	find(this: IExecuteFunctions, target: Target, context: ItemContext): Promise<IDataObject>;
	/** refuses a target that may not be changed (the Default project, a last owner, an accepted invite): throws */
	refuse?(this: IExecuteFunctions, found: IDataObject, target: Target, context: ItemContext): void | Promise<void>;
	/** when the change is already done (an archived project, no limit to remove): why, in a sentence */
	alreadyDone?(found: IDataObject, target: Target): string | undefined;
	/** the target in words for the plan, e.g. 'project "Legacy bot" (proj_abc)' */
	describe(found: IDataObject, target: Target): string;
	/** the output item: the target (as found, or as the API answered the change) with `extra` fields */
	item(entry: IDataObject, target: Target, extra?: IDataObject): IDataObject;
	/** makes the change and answers what OpenAI said */
	change(this: IExecuteFunctions, target: Target, found: IDataObject, context: ItemContext): Promise<IDataObject>;
	/**
	 * A DELETE answered 404 after the check found the target: it went in the meantime, or on an attempt whose answer
	 * was lost before a retry; either way it is gone, which is what was asked. False where a 404 means something else.
	 */
	notFoundMeansDone?: boolean;
}

function wouldField(rules: DestructiveRules): string {
	return `would${rules.verb.charAt(0).toUpperCase()}${rules.verb.slice(1)}`;
}

/** The Dry Run's sentence for one item: what would change, and why. */
export function planSentence(rules: DestructiveRules, target: string, reason: string, done?: string): string {
	if (done) return `Nothing to ${rules.verb}: ${done}`;
	return `Would ${rules.verb} ${target}${reason ? `: ${reason}` : ''}`;
}

/**
 * The one shape of every destructive operation. Before the first change of a run (router.ts and destructive.ts:
 * Max per Run, every item checked first, Dry Run) each item's target is found as it is now and refused if it may
 * not be changed; one already done is reported, not changed again. A Dry Run puts out the target with `plan`, one
 * sentence of what would change and why; a live run puts out what was done. A change whose answer was lost is
 * safe to send again: the transport retries it, and the 404 of a target already gone counts as done.
 */
export function destructiveOperation<Target>(spec: DestructiveSpec<Target>): Operation & { description: INodeProperties[] } {
	const { rules } = spec;
	function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
		const target = spec.target.call(this, itemIndex);
		const context: ItemContext = { itemIndex, limits: readRequestLimits.call(this, itemIndex) };
		const reason = readReason.call(this, itemIndex);
		let found: IDataObject = {};
		let done: string | undefined;
		return {
			check: async () => {
				found = await spec.find.call(this, target, context);
				await spec.refuse?.call(this, found, target, context);
				done = spec.alreadyDone?.(found, target);
				const plan = planSentence(rules, spec.describe(found, target), reason, done);
				return [spec.item(found, target, { dryRun: true, [wouldField(rules)]: !done, ...(done ? { message: done } : {}), plan })];
			},
			send: async () => {
				if (done) return [spec.item(found, target, { message: done })];
				const changing = await spec.change.call(this, target, found, context).then(
					(item) => ({ item }),
					(error: unknown) => ({ error }),
				);
				if ('item' in changing) return [changing.item];
				if (spec.notFoundMeansDone === false || openAiErrorFacts(changing.error).status !== 404) throw changing.error;
				return [spec.item(found, target, { deleted: true, alreadyGone: true })];
			},
		};
	}
	return {
		destructive: rules,
		prepare,
		description: [...updateDisplayOptions({ show: spec.show }, spec.fields), ...destructiveProperties(spec.show, rules)],
	};
}
