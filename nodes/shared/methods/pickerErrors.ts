import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ILoadOptionsFunctions } from 'n8n-workflow';

/** Longer texts run over the parameter below the field in the editor. */
export const PICKER_MESSAGE_LIMIT = 160;

/**
 * The editor of n8n 2.8 cannot show a NodeApiError thrown by a load-options or list-search method: it receives the
 * error as a plain object and prints "[object Object]". Any other error reaches it as its message alone (the
 * description is dropped), shown inside or under the field. So a picker's failure becomes a NodeOperationError
 * whose message is the short, plain explanation, cut to a length that does not cover the next field.
 */
export function pickerError(this: ILoadOptionsFunctions, error: unknown): NodeOperationError {
	const message = error instanceof Error && error.message ? error.message : 'The list could not be loaded';
	const short =
		message.length > PICKER_MESSAGE_LIMIT ? `${message.slice(0, PICKER_MESSAGE_LIMIT - 1).trimEnd()}…` : message;
	const status = error instanceof NodeApiError && error.httpCode ? ` (HTTP ${error.httpCode})` : '';
	return new NodeOperationError(this.getNode(), `${short}${status}`);
}

/** Runs a picker's loading and turns any failure into one the editor shows in words. */
export async function loadForPicker<T>(context: ILoadOptionsFunctions, load: () => Promise<T>): Promise<T> {
	try {
		return await load();
	} catch (error) {
		throw pickerError.call(context, error);
	}
}
