import type { IDataObject } from 'n8n-workflow';

import type { OpenAiResponse } from '../../shared/transport';
import { billingFields } from './output';

/** What a Responses API answer holds that the node reads (the contract's Response object). */
export interface ModelResponse extends IDataObject {
	id: string;
	model: string;
	status?: string;
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
