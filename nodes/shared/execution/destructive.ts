import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asNodeError } from './errorItems';
import type { NodeError } from './errorItems';
import type { DestructiveRules, PreparedItem } from './operation';

export const DEFAULT_MAX_PER_RUN = 20;
const MAX_PER_RUN_LIMIT = 1_000;

function capitalize(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Title Case, as n8n's parameter names are: "Max Spend Alerts per Run". */
function maxPerRunLabel(rules: DestructiveRules): string {
	return `Max ${rules.items.split(' ').map(capitalize).join(' ')} per Run`;
}

/**
 * The parameters every destructive operation shows, so that each one is guarded the same way: Dry Run and the
 * per-run cap (both read once per run, from the first item), and the Reason its Dry Run plan gives (per item).
 */
export function destructiveProperties(show: NonNullable<IDisplayOptions['show']>, rules: DestructiveRules): INodeProperties[] {
	return [
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description: `Whether to only check every item and return what would be done, without making any change (nothing is ${rules.pastTense})`,
			displayOptions: { show },
		},
		{
			displayName: maxPerRunLabel(rules),
			name: 'maxPerRun',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_PER_RUN_LIMIT },
			default: DEFAULT_MAX_PER_RUN,
			description: `The most ${rules.items} one run may ${rules.verb}. With more input items the node stops before it changes anything.`,
			displayOptions: { show },
		},
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			default: '',
			placeholder: 'e.g. no activity in 90 days',
			description: `Why each item is ${rules.pastTense}, in a few words (an expression can read it from the input item). The Dry Run plan gives it after each change; it is not sent to OpenAI.`,
			displayOptions: { show },
		},
	];
}

/** The item's Reason, for its Dry Run plan; stored workflows without it give none. */
export function readReason(this: IExecuteFunctions, itemIndex: number): string {
	return String(this.getNodeParameter('reason', itemIndex, '') ?? '').trim();
}

export type CheckedItem = PreparedItem | { problem: NodeError };

export interface GuardOutcome {
	/** the items after their checks: a failed check is a problem in its place (with Continue On Fail) */
	items: CheckedItem[];
	/** set on a Dry Run: per item, what its check found, to put out instead of sending */
	dryRun?: IDataObject[][];
}

function readMaxPerRun(this: IExecuteFunctions, rules: DestructiveRules): number {
	const value = (this.getNodeParameter('maxPerRun', 0, DEFAULT_MAX_PER_RUN) as unknown) ?? DEFAULT_MAX_PER_RUN;
	const max = Number(value);
	if (!Number.isInteger(max) || max < 1 || max > MAX_PER_RUN_LIMIT) {
		throw new NodeOperationError(
			this.getNode(),
			`"${maxPerRunLabel(rules)}" must be a whole number from 1 to ${MAX_PER_RUN_LIMIT}, not ${String(value)}`,
			{ description: `Enter how many ${rules.items} one run may ${rules.verb}, e.g. ${DEFAULT_MAX_PER_RUN}.` },
		);
	}
	return max;
}

/**
 * The one guard of every destructive operation (archive, delete, remove, revoke), run after every item was
 * prepared and before the first change: more items than the per-run cap stop the node; then every item's own
 * read-only check runs (the target exists and may be changed), so that a bad last item stops the run before the
 * first change; a Dry Run returns what those checks found and changes nothing.
 */
export async function guardDestructive(
	this: IExecuteFunctions,
	rules: DestructiveRules,
	checked: CheckedItem[],
): Promise<GuardOutcome> {
	const max = readMaxPerRun.call(this, rules);
	if (checked.length > max) {
		throw new NodeOperationError(
			this.getNode(),
			`${checked.length} items would ${rules.verb} ${checked.length} ${rules.items}, more than "${maxPerRunLabel(rules)}" (${max}); nothing was ${rules.pastTense}`,
			{
				description: `Raise "${maxPerRunLabel(rules)}" if that many is intended, or send fewer items (e.g. a Limit node before this one). Turn on "Dry Run" to see what would be ${rules.pastTense}.`,
			},
		);
	}
	const dryRun = this.getNodeParameter('dryRun', 0, false) === true;
	const previews: IDataObject[][] = [];
	const items: CheckedItem[] = [];
	for (const [itemIndex, item] of checked.entries()) {
		if ('problem' in item) {
			items.push(item);
			previews.push([]);
			continue;
		}
		try {
			previews.push((await item.check?.()) ?? []);
			items.push(item);
		} catch (error) {
			const problem = asNodeError.call(this, error, itemIndex);
			if (!this.continueOnFail()) throw problem;
			items.push({ problem });
			previews.push([]);
		}
	}
	return dryRun ? { items, dryRun: previews } : { items };
}
