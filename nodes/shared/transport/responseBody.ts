import type { IDataObject } from 'n8n-workflow';

import type { OpenAiFailure } from './errors';
import { headerValue } from './headers';
import { requestedWaitBeyondCapMs } from './retry';

/** An answer as n8n's request helper returns it with `returnFullResponse`. */
export interface RawResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** A body as JSON (n8n leaves text it could not parse as text); an empty body is an empty object. */
function parseBody(body: unknown): { value?: unknown; malformed: boolean } {
	if (typeof body !== 'string') return { value: body, malformed: false };
	if (body.trim() === '') return { value: {}, malformed: false };
	try {
		return { value: JSON.parse(body), malformed: false };
	} catch {
		return { malformed: true };
	}
}

/** OpenAI's error object (`{ error: { message, code, type, param } }`) of a refusal, as far as it is there. */
function failureFromRefusal(response: RawResponse, retries: number): OpenAiFailure {
	const parsed = parseBody(response.body);
	const error = ((parsed.value as IDataObject | undefined)?.error ?? {}) as IDataObject;
	const failure: OpenAiFailure = {
		status: response.statusCode,
		openAiMessage: typeof error.message === 'string' ? error.message : undefined,
		openAiCode: typeof error.code === 'string' ? error.code : null,
		openAiType: typeof error.type === 'string' ? error.type : undefined,
		openAiParam: typeof error.param === 'string' ? error.param : null,
		requestId: headerValue(response.headers, 'x-request-id'),
		retries,
	};
	if (failure.status === 429) failure.requestedWaitMs = requestedWaitBeyondCapMs(response.headers);
	return failure;
}

/** What an answer means: its body when it is a success in JSON, the failure otherwise. */
export function readAnswer(response: RawResponse, retries: number): { body: unknown } | { failure: OpenAiFailure } {
	if (response.statusCode < 200 || response.statusCode >= 300) {
		return { failure: failureFromRefusal(response, retries) };
	}
	const parsed = parseBody(response.body);
	if (!parsed.malformed) return { body: parsed.value };
	return {
		failure: {
			status: response.statusCode,
			malformedBody: true,
			requestId: headerValue(response.headers, 'x-request-id'),
			retries,
		},
	};
}
