import type { IDataObject } from 'n8n-workflow';

import type { OpenAiResponse } from '../../shared/transport';
import { billingFields } from './output';

/** What a Responses API answer holds that the node reads (the contract's Response object). */
export interface ModelResponse extends IDataObject {
	id: string;
	model: string;
	status?: string;
	background?: boolean | null;
	error?: { code?: string; message?: string } | null;
	output?: Array<{ type: string; content?: Array<{ type: string; text?: string; refusal?: string }> }>;
	usage?: IDataObject;
	service_tier?: string | null;
	previous_response_id?: string | null;
	incomplete_details?: { reason?: string } | null;
}

/** The answer's text: every output_text part of its messages, in order; a refusal stands apart. */
export function responseText(response: ModelResponse): { text: string; refusal?: string } {
	const parts = (response.output ?? []).filter((item) => item.type === 'message').flatMap((item) => item.content ?? []);
	const text = parts.map((part) => (part.type === 'output_text' ? (part.text ?? '') : '')).join('');
	const refusal = parts.find((part) => part.type === 'refusal')?.refusal;
	return refusal ? { text, refusal } : { text };
}

/** The text (parsed under structured output) first, then usage and the response id to continue from. */
export function simplifyResponse(response: OpenAiResponse<ModelResponse>, content: unknown): IDataObject {
	const { body } = response;
	const item: IDataObject = {
		content: content as IDataObject,
		usage: body.usage ?? null,
		id: body.id,
		model: body.model,
		status: body.status ?? null,
		service_tier: body.service_tier ?? null,
		previous_response_id: body.previous_response_id ?? null,
	};
	if (body.incomplete_details?.reason) item.incomplete_reason = body.incomplete_details.reason;
	const { refusal } = responseText(body);
	if (refusal) item.refusal = refusal;
	return { ...item, ...billingFields(response) };
}

/** What a response's status means for the workflow, in words; a completed one needs none. */
function statusInWords(response: ModelResponse, text: string): string | undefined {
	const later = `fetch it later with Response > Get and the ID ${response.id}`;
	switch (response.status) {
		case 'queued':
			return `Queued at OpenAI in the background, not started yet: ${later}`;
		case 'in_progress':
			return `Running at OpenAI in the background, not finished yet: ${later}`;
		case 'cancelled':
			return text ? 'Cancelled before it finished: the content is what was written until then' : 'Cancelled before it finished: there is no answer';
		case 'failed':
			return `Failed at OpenAI: ${response.error?.message ?? 'no reason given'}${response.error?.code ? ` (${response.error.code})` : ''}`;
		case 'incomplete':
			return `Stopped before the end${response.incomplete_details?.reason ? ` (${response.incomplete_details.reason})` : ''}`;
		default:
			return undefined;
	}
}

/**
 * A response at any point of its run, as a workflow reads it: the status first, the text when there is one, what
 * the status means in words (when to fetch it again, why it failed), then the id and what it used.
 */
export function readableResponse(response: ModelResponse): IDataObject {
	const { text, refusal } = responseText(response);
	const message = statusInWords(response, text);
	const item: IDataObject = { status: response.status ?? null };
	if (text) item.content = text;
	if (message) item.message = message;
	Object.assign(item, { id: response.id, model: response.model, background: response.background === true });
	if (response.error) item.error = response.error;
	if (refusal) item.refusal = refusal;
	if (response.usage) item.usage = response.usage;
	return { ...item, created_at: response.created_at ?? null, completed_at: response.completed_at ?? null };
}
