import { sleep } from 'n8n-workflow';
import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { cancelSignalOf, DEFAULT_TIMEOUT_MS, readAnswer, sendOnce } from './attempt';
import { loadCredentials } from './credentials';
import type { LoadedCredentials } from './credentials';
import { blamesOrganization, buildOpenAiApiError, checkKeyWithoutOrganization } from './errors';
import type { RequestContext } from './errors';
import { headerValue } from './http';
import type { OpenAiFailure, OpenAiFunctions } from './http';
import { pacerOf, pacingScope, reportAnswer, waitForTurn } from './pacing';
import { advisedRetryWaitMs, DEFAULT_MAX_RETRIES, decideRetry, retryDelayMs, serverRetryAdvice } from './retry';
import { decideScope, withScope } from './scope';
import type { ScopeOverrides } from './scope';

export interface OpenAiRequest {
	method: IHttpRequestMethods;
	/** Path under the base URL, e.g. /organization/projects */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** A multipart/form-data body instead of JSON (the Files API's upload): text fields and one text file. */
	multipart?: MultipartBody;
	/** The answer is text (a file's content, e.g. JSONL), returned as it came instead of parsed as JSON. */
	textAnswer?: boolean;
	/** How arrays go in the query string: OpenAI wants `group_by[]=project_id`. */
	arrayFormat?: 'brackets' | 'repeat';
	/** A node's organization/project for this call (checkScopeOverrides); empty or absent keeps the credential's. */
	scope?: ScopeOverrides;
	maxRetries?: number;
	timeoutMs?: number;
	itemIndex?: number;
	/** Names the thing a 404 could not find, e.g. "project proj_abc". */
	subject?: string;
	/**
	 * Marks a request that changes something and must not be repeated blindly (a create).
	 * When its answer is lost, `findLostResult` is asked whether it went through before any retry.
	 */
	notIdempotent?: boolean;
	findLostResult?: () => Promise<IDataObject | undefined>;
	/** The credential as already read for this walk through pages; read anew when absent. */
	credentials?: LoadedCredentials;
}

export interface MultipartBody {
	fields: Record<string, string>;
	file: { field: string; filename: string; contentType: string; content: string };
}

/** Encodes a multipart/form-data body; the boundary is one the content does not hold. */
export function encodeMultipart(multipart: MultipartBody): { body: string; contentType: string } {
	let boundary = 'n8nOpenAiOrgBoundary';
	for (let counter = 0; multipart.file.content.includes(boundary) || Object.values(multipart.fields).some((value) => value.includes(boundary)); counter++) {
		boundary = `n8nOpenAiOrgBoundary${counter}x${multipart.file.content.length}`;
	}
	const parts = Object.entries(multipart.fields).map(
		([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
	);
	const { field, filename, contentType, content } = multipart.file;
	parts.push(
		`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n${content}\r\n`,
	);
	return { body: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface OpenAiResponse<T = IDataObject> {
	body: T;
	headers: IDataObject;
	requestId?: string;
	/** The organization the request was sent under ('' when none was sent). */
	organizationId: string;
	projectId: string;
	/** True when the answer was lost and the result was found afterwards instead of repeating the request. */
	recovered?: boolean;
}

/**
 * The one request function: reads the credential (unless given), decides the organization and project, sends with
 * retries, and turns a final failure into a NodeApiError in plain words.
 */
export async function openAiRequest<T = IDataObject>(
	this: OpenAiFunctions,
	request: OpenAiRequest,
): Promise<OpenAiResponse<T>> {
	const itemIndex = request.itemIndex ?? 0;
	const credentials = request.credentials ?? (await loadCredentials.call(this, itemIndex));
	const { baseUrl, apiKey } = credentials.values;
	const scope = decideScope(credentials.values, request.scope);
	const scoped = withScope(credentials.decrypted, scope);
	const maxRetries = request.maxRetries ?? DEFAULT_MAX_RETRIES;
	const timeout = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const context: RequestContext = { method: request.method, path: request.path, baseUrl, apiKey, subject: request.subject, ...scope };
	const multipart = request.multipart ? encodeMultipart(request.multipart) : undefined;
	const options: IHttpRequestOptions & { timeout: number } = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		body: multipart?.body ?? request.body,
		arrayFormat: request.arrayFormat,
		timeout,
		...(multipart ? { headers: { 'content-type': multipart.contentType } } : {}),
		...(request.textAnswer ? { encoding: 'text' as const } : {}),
	};
	const answer = (body: unknown, headers: IDataObject, recovered?: boolean): OpenAiResponse<T> => ({
		body: body as T,
		headers,
		requestId: headerValue(headers, 'x-request-id'),
		organizationId: scope.organizationId,
		projectId: scope.projectId,
		recovered,
	});

	// One execution's requests share the rate limits: the pacer spaces them and pauses them all after a 429.
	const pacer = pacerOf(this, pacingScope(request.method, request.path, scope.organizationId, scope.projectId));
	const cancelSignal = cancelSignalOf(this);
	const cancelled = () => cancelSignal?.aborted === true;

	for (let attempt = 0; ; attempt++) {
		const { sentAt } = await waitForTurn(pacer, request.body, cancelled);
		const result = await sendOnce.call(this, scoped, options, attempt);
		let failure: OpenAiFailure;
		let headers: IDataObject = {};
		if ('response' in result) {
			headers = result.response.headers ?? {};
			const read = readAnswer(result.response, attempt, request.textAnswer);
			reportAnswer(pacer, sentAt, {
				status: result.response.statusCode,
				code: 'failure' in read ? read.failure.openAiCode : null,
				headers,
				advisedWaitMs: advisedRetryWaitMs(headers),
			});
			if ('body' in read) return answer(read.body, headers);
			failure = read.failure;
		} else {
			failure = result.failure;
		}
		if (failure.interruption === 'cancelled') throw buildOpenAiApiError(this.getNode(), failure, context, itemIndex);

		const next = decideRetry({
			failure,
			attempt,
			maxRetries,
			serverAdvice: serverRetryAdvice(headers),
			notIdempotent: request.notIdempotent === true,
			canFindLostResult: request.findLostResult !== undefined,
		});
		if (next.lookForLostResult && request.findLostResult) {
			const found = await request.findLostResult();
			if (found) return answer(found, headers, true);
		}
		if (next.retry) {
			if (next.wait === 'backoff') await sleep(retryDelayMs(attempt, headers));
			continue;
		}
		if (scope.organizationId && blamesOrganization(failure)) {
			context.keyWithoutOrganization = await checkKeyWithoutOrganization.call(this, credentials, timeout);
		}
		throw buildOpenAiApiError(this.getNode(), failure, context, itemIndex);
	}
}
