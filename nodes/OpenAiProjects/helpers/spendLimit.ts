import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestLimits } from '../../shared/execution/requestOptions';
import { openAiErrorFacts, openAiRequest } from '../../shared/transport';
import { projectPath } from './inProject';

export const spendLimitPath = (projectId: string) => projectPath(projectId, 'spend_limit');

/**
 * The project's hard spend limit, or undefined when it has none. Call it once the project is known to exist: a
 * 404 then means "no limit set" (the contract documents no answer for that case; the test server answers 404).
 */
export async function readSpendLimitIfSet(
	this: IExecuteFunctions,
	projectId: string,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject | undefined> {
	const reading = await openAiRequest
		.call(this, {
			method: 'GET',
			path: spendLimitPath(projectId),
			itemIndex,
			subject: `the spend limit of project ${projectId}`,
			...limits,
		})
		.then(
			(response) => ({ limit: response.body as IDataObject }),
			(error: unknown) => ({ error }),
		);
	if ('limit' in reading) return reading.limit;
	if (openAiErrorFacts(reading.error).status === 404) return undefined;
	throw reading.error;
}
