import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

/** The n8n contexts the transport runs in: a node's execution, the editor's pickers, and a polling trigger. */
export type OpenAiFunctions = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** An answer as n8n's request helper returns it with `returnFullResponse`. */
export interface RawResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/**
 * What stopped an attempt other than an error answer: the answer did not finish in time, the connection was cut in
 * it, or the user stopped the execution.
 */
export type Interruption = 'stalled' | 'cut mid-answer' | 'cancelled';

/** What went wrong on the wire, as much as is known. */
export interface OpenAiFailure {
	status?: number;
	connectionCode?: string;
	openAiMessage?: string;
	openAiCode?: string | null;
	openAiType?: string;
	openAiParam?: string | null;
	requestId?: string;
	malformedBody?: boolean;
	/** OpenAI was reached, but its answer stalled past the Timeout or was cut off. */
	interruption?: Interruption;
	timeoutMs?: number;
	/** A Retry-After longer than the node waits between retries. */
	requestedWaitMs?: number;
	retries: number;
}

/** One response header as text (the first of a repeated one); undefined when absent or empty. */
export function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	const raw = headers?.[name];
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (value === undefined || value === null) return undefined;
	const text = String(value);
	return text === '' ? undefined : text;
}
