import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestLimits } from '../execution/requestOptions';
import { openAiErrorFacts, openAiRequest } from '../transport';

/**
 * The hard spend limit at `path` (a project's or the organization's), or undefined when there is none. Call it once
 * its owner is known to exist: a 404 then means "no limit set" (the contract documents no answer for that case; the
 * test server answers 404). `owner` names it in errors: 'project proj_abc', 'the organization'.
 */
export async function readSpendLimitIfSet(
	this: IExecuteFunctions,
	path: string,
	owner: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject | undefined> {
	const reading = await openAiRequest
		.call(this, { method: 'GET', path, itemIndex, subject: `the spend limit of ${owner}`, ...limits })
		.then(
			(response) => ({ limit: response.body as IDataObject }),
			(error: unknown) => ({ error }),
		);
	if ('limit' in reading) return reading.limit;
	if (openAiErrorFacts(reading.error).status === 404) return undefined;
	throw reading.error;
}
