import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OpenAiResponse } from '../../../shared/transport';
import { billingFields, simplifyCompletion } from '../../helpers/output';
import type { ChatCompletion } from '../../helpers/output';
import { responseText, simplifyResponse } from '../../helpers/responses';
import type { ModelResponse } from '../../helpers/responses';
import { itemIndexOf, readJsonl } from './batchApi';
import type { Batch, BatchPlace } from './batchApi';

/** One input line of a batch and what became of it: its answer, or why it has none. */
export interface LineOutcome {
	customId: string;
	/** the item of the submitting run that the line came from */
	itemIndex?: number;
	json?: IDataObject;
	error?: { message: string; description: string; httpCode?: string };
}

const MISSING_WORDS: Record<string, string> = {
	expired: 'the batch expired (24 h window) before it ran',
	cancelled: 'the batch was cancelled before it ran',
};

/** Names items in a message: "items 3, 4 and 9" (at most 20, then "and 12 more"). */
export function nameItems(indexes: Array<number | string>): string {
	const shown = indexes.slice(0, 20).map(String);
	const more = indexes.length - shown.length;
	if (more > 0) return `items ${shown.join(', ')} and ${more} more`;
	if (shown.length === 1) return `item ${shown[0]}`;
	return `items ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function parseJsonContent(content: string | null): unknown {
	try {
		return JSON.parse(content ?? '') as unknown;
	} catch {
		return content;
	}
}

/** Whether a request asked for JSON (json_object or a JSON schema), on either API: its answer is parsed. */
function asksForJson(request: IDataObject | undefined): boolean {
	const format = (request?.response_format ?? (request?.text as IDataObject | undefined)?.format) as IDataObject | undefined;
	return format?.type === 'json_object' || format?.type === 'json_schema';
}

/** One answered line as Complete would put it out (the same simplified fields), with where it came from. */
function answerOf(
	line: IDataObject,
	request: IDataObject | undefined,
	batch: Batch,
	place: BatchPlace,
	simplify: boolean,
): IDataObject {
	const response = (line.response ?? {}) as IDataObject;
	const answer: OpenAiResponse<IDataObject> = {
		body: response.body as IDataObject,
		headers: {},
		requestId: typeof response.request_id === 'string' ? response.request_id : undefined,
		organizationId: place.billedTo?.organizationId ?? place.scope.organizationId,
		projectId: place.billedTo?.projectId ?? place.scope.projectId,
	};
	const customId = String(line.custom_id);
	const where = { batchId: batch.id, customId, itemIndex: itemIndexOf(customId) ?? null };
	if (!simplify) return { ...answer.body, ...billingFields(answer), ...where };
	const json = asksForJson(request);
	if (batch.endpoint === '/v1/responses') {
		const { text } = responseText(answer.body as ModelResponse);
		return { ...simplifyResponse(answer as OpenAiResponse<ModelResponse>, json ? parseJsonContent(text) : text), ...where };
	}
	const text = (answer.body as ChatCompletion).choices?.[0]?.message?.content ?? null;
	return { ...simplifyCompletion(answer as OpenAiResponse<ChatCompletion>, json ? parseJsonContent(text) : text), ...where };
}

function failureOf(line: IDataObject, batch: Batch): LineOutcome['error'] {
	const response = line.response as IDataObject | null | undefined;
	const lineError = line.error as IDataObject | null | undefined;
	if (response && typeof response.status_code === 'number') {
		const error = ((response.body as IDataObject | undefined)?.error ?? {}) as IDataObject;
		return {
			message: `OpenAI refused this request in batch ${batch.id}: ${String(error.message ?? 'no message')}`,
			description: `HTTP ${response.status_code}${error.code ? `, code ${String(error.code)}` : ''}. The other items of the batch are not affected.`,
			httpCode: String(response.status_code),
		};
	}
	const code = String(lineError?.code ?? '');
	const reason = code === 'batch_expired' ? MISSING_WORDS.expired : code === 'batch_cancelled' ? MISSING_WORDS.cancelled : String(lineError?.message ?? 'no reason given');
	return {
		message: `This item did not run: ${reason}`,
		description: `Batch ${batch.id} ended as "${batch.status}". Submit the missing items again.`,
	};
}

/**
 * Every line of a finished batch in the input file's order (the order of the items that were submitted), however the
 * output file ordered them: its answer, its refusal from the error file, or, for an expired or cancelled batch, that
 * it never ran.
 */
export async function collectOutcomes(
	this: IExecuteFunctions,
	place: BatchPlace,
	batch: Batch,
	simplify: boolean,
): Promise<LineOutcome[]> {
	if (batch.status === 'failed') {
		const problems = (batch.errors?.data ?? []).map((error) => `${error.line ? `line ${error.line}: ` : ''}${error.message ?? error.code ?? ''}`);
		throw new NodeOperationError(this.getNode(), `Batch ${batch.id} failed before any request ran`, {
			itemIndex: place.itemIndex,
			description: problems.length > 0 ? problems.slice(0, 10).join('\n') : 'OpenAI gave no reason.',
		});
	}
	if (!['completed', 'expired', 'cancelled'].includes(batch.status)) {
		const counts = batch.request_counts;
		throw new NodeOperationError(this.getNode(), `Batch ${batch.id} is still ${batch.status.replace('_', ' ')}`, {
			itemIndex: place.itemIndex,
			description: `${counts ? `${counts.completed} of ${counts.total} requests done. ` : ''}Its results are not ready: run Batch > Get again later, or raise "Wait Timeout (Minutes)".`,
		});
	}
	const [input, output, errors] = [
		await readJsonl.call(this, place, batch.input_file_id),
		await readJsonl.call(this, place, batch.output_file_id),
		await readJsonl.call(this, place, batch.error_file_id),
	];
	const answered = new Map(output.map((line) => [String(line.custom_id), line]));
	const refused = new Map(errors.map((line) => [String(line.custom_id), line]));
	return input.map((request) => {
		const customId = String(request.custom_id);
		const outcome: LineOutcome = { customId, itemIndex: itemIndexOf(customId) };
		const answer = answered.get(customId);
		const status = (answer?.response as IDataObject | undefined)?.status_code;
		if (answer && status === 200) {
			outcome.json = answerOf(answer, request.body as IDataObject, batch, place, simplify);
		} else {
			const line = answer ?? refused.get(customId);
			outcome.error = line
				? failureOf(line, batch)
				: {
						message: `This item has no result in batch ${batch.id}`,
						description: `The batch ended as "${batch.status}" and neither its output nor its error file holds line ${customId}.`,
					};
		}
		return outcome;
	});
}

/** Without "Continue On Fail" a batch with failed or missing lines stops the node, naming them. */
export function failedLinesError(
	this: IExecuteFunctions,
	batch: Batch,
	outcomes: LineOutcome[],
	itemIndex: number,
): NodeOperationError | undefined {
	const failed = outcomes.filter((outcome) => outcome.error);
	if (failed.length === 0) return undefined;
	const names = failed.map((outcome) => outcome.itemIndex ?? outcome.customId);
	const ended = batch.status === 'completed' ? 'completed' : `${batch.status} (${failed.length} of ${outcomes.length} items did not run or failed)`;
	return new NodeOperationError(this.getNode(), `Batch ${batch.id} ${ended}: no answer for ${nameItems(names)}`, {
		itemIndex,
		description: `${failed[0].error?.message ?? ''}\nTurn on "Continue On Fail" (Settings) to get the answers of the other items, with an error item for each of these.`,
	});
}

/**
 * A batch's outcomes as output items, each paired with `pairOf(outcome)`; a failed or missing line is an error item
 * under "Continue On Fail", and stops the node otherwise.
 */
export function outcomeItems(
	this: IExecuteFunctions,
	batch: Batch,
	outcomes: LineOutcome[],
	pairOf: (outcome: LineOutcome) => number,
	itemIndex: number,
): INodeExecutionData[] {
	if (!this.continueOnFail()) {
		const error = failedLinesError.call(this, batch, outcomes, itemIndex);
		if (error) throw error;
	}
	return outcomes.map((outcome) => {
		const where = { batchId: batch.id, customId: outcome.customId, itemIndex: outcome.itemIndex ?? null };
		const json: IDataObject = outcome.json ?? {
			error: outcome.error?.message ?? '',
			description: outcome.error?.description ?? '',
			...(outcome.error?.httpCode ? { httpCode: outcome.error.httpCode } : {}),
			...where,
		};
		return { json, pairedItem: { item: pairOf(outcome) } };
	});
}
