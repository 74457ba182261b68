import { NodeOperationError } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import type { ScopeOverrides } from '../../../shared/transport';
import { readableResponse } from '../../helpers/responses';
import type { ModelResponse } from '../../helpers/responses';
import { readScope, requestOne, scopeFields } from '../../helpers/scope';
import { readResponseId, responseIdField, responsePath } from '../../helpers/storedResponse';

interface ResponseTarget {
	id: string;
	scope: ScopeOverrides;
}

/** A background response that can still be stopped. */
const RUNNING = ['queued', 'in_progress'];

/**
 * POST /responses/{id}/cancel: stops a background response that is queued or running (what it already used is paid
 * for; the rest of the run is not). Only a background response can be cancelled, and only before it finished: any
 * other is refused in the check, before any item is cancelled, as OpenAI would refuse it.
 */
export const { destructive, description, prepare } = destructiveOperation<ResponseTarget>({
	rules: { verb: 'cancel', pastTense: 'cancelled', items: 'responses' },
	show: { resource: ['response'], operation: ['cancel'] },
	fields: [
		{ ...responseIdField, description: 'The background response to stop, as Chat > Complete with the option "Background" put it out' },
		...scopeFields,
	],
	target(itemIndex) {
		return { id: readResponseId.call(this, itemIndex), scope: readScope.call(this, itemIndex) };
	},
	async find({ id, scope }, { itemIndex, limits }) {
		return await requestOne.call(this, 'GET', responsePath(id), `response ${id}`, { scope, itemIndex, limits });
	},
	refuse(found, { id }, { itemIndex }) {
		const status = String(found.status ?? '');
		if (found.background !== true) {
			throw new NodeOperationError(this.getNode(), `Response ${id} did not run in the background, so it cannot be cancelled`, {
				itemIndex,
				description: `OpenAI cancels only responses started with the option "Background" on; this one ran to its end (${status}) when it was sent. Nothing was cancelled.`,
			});
		}
		if (status !== 'cancelled' && !RUNNING.includes(status)) {
			throw new NodeOperationError(this.getNode(), `Response ${id} is already ${status}, so it cannot be cancelled`, {
				itemIndex,
				description: 'Only a queued or running background response can be cancelled. Response > Get reads what it answered. Nothing was cancelled.',
			});
		}
	},
	alreadyDone: (found) => (found.status === 'cancelled' ? 'the response was already cancelled' : undefined),
	describe: (found, { id }) => `${String(found.status ?? '')} background response ${id}${found.model ? ` (${String(found.model)})` : ''}`,
	item: (entry, _target, extra) => ({ ...readableResponse(entry as ModelResponse), ...extra }),
	async change({ id, scope }, _found, { itemIndex, limits }) {
		const answer = await requestOne.call(this, 'POST', `${responsePath(id)}/cancel`, `response ${id}`, { scope, itemIndex, limits });
		return readableResponse(answer as ModelResponse);
	},
	// A response gone in the meantime was not cancelled by this run: its 404 is an error, not "done".
	notFoundMeansDone: false,
});
