import { isRequestRefusal } from '../transport';
import type { RefusalExplainer } from '../transport';
import { formatDollars } from './money';

/**
 * A project's hard spend limit above its organization's: the organization's limit bounds every project's. The
 * words are the test server's (OpenAI's own are not on record), so both the text and the amount are read loosely.
 */
export const explainSpendLimitRefusal: RefusalExplainer = (failure) => {
	if (!isRequestRefusal(failure)) return undefined;
	const text = failure.openAiMessage ?? '';
	if (!/higher than the organization's (hard )?spend limit/i.test(text)) return undefined;
	const cents = /\((\d+) cents/.exec(text)?.[1];
	const ceiling = cents ? ` (${formatDollars(Number(cents))} a month)` : '';
	return {
		message: `A project's hard spend limit cannot be above the organization's hard spend limit${ceiling}`,
		fix: `Enter at most the organization's limit${ceiling} in "Threshold (US Dollars)", or raise the organization's limit first: OpenAI Organization node, Resource "Spend Limit", Operation "Set".`,
	};
};
