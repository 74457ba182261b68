import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { destructiveOperation } from '../execution/destructiveOperation';
import type { PreparedItem } from '../execution/operation';
import { readRequestLimits } from '../execution/requestOptions';
import { operationProperty } from '../parameters/operations';
import { openAiRequest } from '../transport';
import { CURRENCY, dollarAmountProperty, dollarsToCents, INTERVAL, withDollarAmounts } from './money';
import { readSpendLimitIfSet } from './spendLimit';
import type { SpendScope } from './spendScope';

/**
 * The hard spend limit operations (get, set, remove), written once for a project's limit and the organization's:
 * each node's `actions/spendLimit/*.operation.ts` is one of these on its SpendScope.
 */

const show = (operation: string) => ({ show: { resource: ['spendLimit'], operation: [operation] } });

/** What an owner without a hard limit is found as: nothing to remove. */
const NO_LIMIT: IDataObject = {};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function spendLimitGet(scope: SpendScope) {
	const description = updateDisplayOptions(show('get'), scope.ownerFields('The project whose hard spend limit to read'));
	function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
		const owner = scope.owner.call(this, itemIndex);
		const limits = readRequestLimits.call(this, itemIndex);
		const send = async () => {
			// Known to exist first, so that "no limit" and "no such project" are told apart.
			await scope.requireOwner?.call(this, owner, { itemIndex, limits });
			const limit = await readSpendLimitIfSet.call(this, scope.limitPath(owner), scope.words(owner), itemIndex, limits);
			return [
				limit
					? scope.item(owner, { limitSet: true, ...withDollarAmounts(limit) })
					: scope.item(owner, { limitSet: false, message: `${capitalised(scope.words(owner))} has no hard spend limit.` }),
			];
		};
		return { send };
	}
	return { description, prepare };
}

export function spendLimitSet(scope: SpendScope, limitDescription: string) {
	const description = updateDisplayOptions(show('set'), [
		...scope.ownerFields('The project to cap'),
		dollarAmountProperty({
			description: limitDescription,
			typeOptions: { minValue: 0.01, numberPrecision: 2 },
			default: 100,
			hint: 'In dollars, not cents: 100 means $100.00 a month (the node sends OpenAI 10000 cents)',
		}),
	]);
	function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
		const owner = scope.owner.call(this, itemIndex);
		const cents = dollarsToCents.call(this, this.getNodeParameter('thresholdUsd', itemIndex), itemIndex, 1);
		const limits = readRequestLimits.call(this, itemIndex);
		const send = async () => {
			// "Create or replace": sending the same limit twice leaves one limit, so it may be retried like a read.
			const response = await openAiRequest.call(this, {
				method: 'POST',
				path: scope.limitPath(owner),
				body: { threshold_amount: cents, currency: CURRENCY, interval: INTERVAL },
				itemIndex,
				subject: scope.words(owner),
				...limits,
			});
			return [scope.item(owner, { limitSet: true, ...withDollarAmounts(response.body as IDataObject) })];
		};
		return { send };
	}
	return { description, prepare };
}

/** Remove, in the one destructive shape: without its limit the owner may spend without a cap. */
export function spendLimitRemove(scope: SpendScope) {
	return destructiveOperation<string>({
		rules: { verb: 'remove', pastTense: 'removed', items: 'spend limits' },
		show: show('remove').show,
		fields: scope.ownerFields('The project whose hard spend limit to remove; it may then spend without a cap'),
		target(itemIndex) {
			return scope.owner.call(this, itemIndex);
		},
		async find(owner, context) {
			await scope.requireChangeable?.call(this, owner, context, 'nothing was removed.');
			const { itemIndex, limits } = context;
			return (await readSpendLimitIfSet.call(this, scope.limitPath(owner), scope.words(owner), itemIndex, limits)) ?? NO_LIMIT;
		},
		alreadyDone: (limit, owner) =>
			limit === NO_LIMIT ? `${capitalised(scope.words(owner))} had no hard spend limit; nothing changed.` : undefined,
		describe: (limit, owner) => `the hard spend limit (${String(withDollarAmounts(limit).threshold_text)}) of ${scope.words(owner)}`,
		item: (limit, owner, extra = {}) =>
			limit === NO_LIMIT ? scope.item(owner, { removed: false, ...extra }) : scope.item(owner, { ...withDollarAmounts(limit), ...extra }),
		async change(owner, limit, { itemIndex, limits }) {
			const response = await openAiRequest.call(this, {
				method: 'DELETE',
				path: scope.limitPath(owner),
				itemIndex,
				subject: `the spend limit of ${scope.words(owner)}`,
				...limits,
			});
			return scope.item(owner, { removed: true, ...(response.body as IDataObject), removedLimit: withDollarAmounts(limit) });
		},
	});
}

/** The "Operation" field of the spend limit resource, for the limit of `ownerWords` ('a project', 'the organization'). */
export function spendLimitOperationProperty(ownerWords: string, removeEffect: string): INodeProperties {
	const option = (verb: string, description: string) => ({
		name: verb.charAt(0).toUpperCase() + verb.slice(1),
		value: verb,
		action: `${verb.charAt(0).toUpperCase() + verb.slice(1)} the spend limit of ${ownerWords}`,
		description,
	});
	return operationProperty(
		'spendLimit',
		[
			option('get', `Read the hard monthly spend limit of ${ownerWords}`),
			option('remove', `Remove the hard spend limit of ${ownerWords} (${removeEffect})`),
			option('set', `Set or replace the most ${ownerWords} may spend in a month, in US dollars`),
		],
		'get',
	);
}
